import { z } from 'zod'
import { EVENT_STATUSES, REGISTRATION_STATUSES } from './enums'
import { idString, localDateTime, requestId, text, tierCode } from './fields'

/**
 * Events in the manager console: create and edit (a draft, or a published event: a time or place change tells the
 * registered members), preview the notice exactly as WeChat will show it, publish now or at a set time (optionally
 * notifying members), cancel (every registration cancelled, points refunded, members told), and the results with
 * the roster's export. Times are wall-clock times in the store's zone ("YYYY-MM-DD HH:mm").
 */

const points = (label: string) =>
  z.number({ invalid_type_error: `${label}应为数字` }).int({ message: `${label}应为整数` }).min(0, { message: `${label}不能为负数` }).max(1_000_000, { message: `${label}过大` })

export const eventInput = z
  .object({
    title: text({ label: '活动名称', max: 30 }),
    description: text({ label: '活动介绍', max: 1000 }).optional(),
    /** From uploadMallImage (the console's one picture upload); null or absent: the placeholder cover. */
    coverKey: z.string().regex(/^[\w./:-]{1,300}$/, { message: '图片无效，请重新上传' }).nullable().optional(),
    startsAt: localDateTime,
    endsAt: localDateTime,
    place: text({ label: '活动地点', max: 40 }),
    capacity: z.number({ invalid_type_error: '名额应为数字' }).int({ message: '名额应为整数' }).min(1, { message: '名额至少 1 人' }).max(10_000, { message: '名额最多 10000 人' }),
    /** Sign-up opens (absent: at publishing) and closes (absent: at the start). */
    signupFrom: localDateTime.optional(),
    signupUntil: localDateTime.optional(),
    /** Only this tier and above may sign up; null: everyone. */
    minTierCode: tierCode.nullable(),
    /** Tier-early access: this tier and above from earlySignupFrom (before signupFrom). Both or neither. */
    earlyTierCode: tierCode.nullable(),
    earlySignupFrom: localDateTime.optional(),
    pointsCost: points('报名所需积分').default(0),
    rewardPoints: points('签到奖励积分').default(0),
    /** A registered member may cancel until this many hours before the start; null: the store's setting. */
    cancelCutoffHours: z.number().int().min(0, { message: '取消截止时间不能为负数' }).max(168, { message: '取消截止时间最多提前 168 小时' }).nullable().default(null),
  })
  .strict()
  .superRefine((e, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message })
    // "YYYY-MM-DD HH:mm" strings compare in time order.
    if (e.endsAt <= e.startsAt) issue('endsAt', '结束时间应晚于开始时间')
    if (e.signupUntil && e.signupUntil > e.startsAt) issue('signupUntil', '报名截止时间不能晚于活动开始')
    if (e.signupFrom && e.signupUntil && e.signupUntil <= e.signupFrom) issue('signupUntil', '报名截止时间应晚于报名开始时间')
    if ((e.earlyTierCode === null) !== (e.earlySignupFrom === undefined)) issue('earlySignupFrom', '提前报名需同时设置等级和开始时间')
    if (e.earlySignupFrom && e.signupFrom && e.earlySignupFrom >= e.signupFrom) issue('earlySignupFrom', '提前报名时间应早于正式报名时间')
    if (e.earlySignupFrom && e.earlySignupFrom >= e.startsAt) issue('earlySignupFrom', '提前报名时间应早于活动开始')
    if (e.minTierCode !== null && e.earlyTierCode !== null) issue('earlyTierCode', '限定等级的活动不需要提前报名')
  })
export type EventInput = z.input<typeof eventInput>
export type ParsedEventInput = z.output<typeof eventInput>

/** The editor's fields as stored, in store time: what the form shows when editing. */
export const eventFormValues = z.object({
  title: z.string(),
  description: z.string().nullable(),
  coverKey: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  capacity: z.number().int(),
  signupFrom: z.string().nullable(),
  signupUntil: z.string().nullable(),
  minTierCode: tierCode.nullable(),
  earlyTierCode: tierCode.nullable(),
  earlySignupFrom: z.string().nullable(),
  pointsCost: z.number().int(),
  rewardPoints: z.number().int(),
  cancelCutoffHours: z.number().int().nullable(),
})
export type EventFormValues = z.infer<typeof eventFormValues>

/** upcoming (not started), ongoing, ended: from the stored times at the call. */
export const EVENT_PHASES = ['upcoming', 'ongoing', 'ended'] as const

export const adminEventView = z.object({
  id: z.string(),
  status: z.enum(EVENT_STATUSES),
  phase: z.enum(EVENT_PHASES),
  title: z.string(),
  coverUrl: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  capacity: z.number().int(),
  /** Seats taken (registered, attended or no-show). */
  registeredCount: z.number().int(),
  waitlistCount: z.number().int(),
  attendedCount: z.number().int(),
  pointsCost: z.number().int(),
  rewardPoints: z.number().int(),
  /** Scheduled: shown to members from. Published: when. */
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Whether publishing notifies members (a scheduled publish notifies when it goes out). */
  notifyOnPublish: z.boolean(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  form: eventFormValues,
})
export type AdminEventView = z.infer<typeof adminEventView>

/** One field of the subscription message as WeChat shows it: its label, the value sent, and whether it was cut. */
export const noticePreviewField = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
  truncated: z.boolean(),
  /** The full value before truncation (only when truncated). */
  full: z.string().nullable(),
})

export const eventNoticePreview = z.object({
  /** Members the notice goes to (active cards, the tier rule applied): "将通知 N 位会员". */
  audience: z.number().int(),
  /** Of them, those with an unused consent for the new-event template: "（其中 M 位可收到微信消息）". */
  wechatReachable: z.number().int(),
  /** In-app (消息) copy. */
  inApp: z.object({ title: z.string(), body: z.string() }),
  /** The WeChat message as it will show, or null when the store has no template for new events (in-app only). */
  wechat: z
    .object({ templateTitle: z.string(), fields: z.array(noticePreviewField), problems: z.array(z.string()) })
    .nullable(),
  /** WeChat sends wait for the end of the quiet hours (store time): when they will go, if not now. */
  wechatSendsAt: z.string().nullable(),
})
export type EventNoticePreview = z.infer<typeof eventNoticePreview>

export const eventResultsView = z.object({
  /** Everyone who held a seat (registered, attended, no-show): the funnel's top, of which `attended` came. */
  registered: z.number().int(),
  waitlisted: z.number().int(),
  attended: z.number().int(),
  noShows: z.number().int(),
  cancelled: z.number().int(),
  walkIns: z.number().int(),
  ratingCount: z.number().int(),
  /** One decimal (4.3), or null without ratings. */
  averageRating: z.number().nullable(),
  /** Attendees' purchases in store from the event's end to 30 days after (fen), and how many attendees bought. */
  spendAfterFen: z.number().int(),
  spendAfterMembers: z.number().int(),
  /** Whether the 30 days are over (otherwise the figure is so far). */
  spendWindowClosed: z.boolean(),
  comments: z.array(z.object({ rating: z.number().int(), comment: z.string(), memberMasked: z.string(), at: z.string() })),
})
export type EventResultsView = z.infer<typeof eventResultsView>

export const rosterEntryView = z.object({
  registrationId: z.string(),
  memberNo: z.string(),
  nickname: z.string(),
  phoneMasked: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  waitlistPosition: z.number().int().nullable(),
  createdAt: z.string(),
  checkedInAt: z.string().nullable(),
})

export const EVENT_ADMIN_TABS = ['active', 'draft', 'ended', 'cancelled'] as const

export const eventPublishingApi = {
  /** The console's list: 进行中/即将开始 (scheduled or published, not ended), 草稿, 已结束, 已取消. */
  listEventsAdmin: {
    input: z.object({ tab: z.enum(EVENT_ADMIN_TABS) }).strict(),
    output: z.object({ events: z.array(adminEventView) }),
  },
  getEventAdmin: {
    input: z.object({ eventId: idString }).strict(),
    output: z.object({ event: adminEventView }),
  },
  /** A draft; `requestId` makes a retried create return the first one. */
  createEvent: {
    input: z.object({ event: eventInput, requestId }).strict(),
    output: z.object({ event: adminEventView }),
  },
  /**
   * Edits any field. After publishing, a change of time or place tells the registered and waitlisted members
   * (in-app, and WeChat with consent); capacity cannot drop below the seats taken (EVENT_CAPACITY_BELOW_REGISTERED),
   * and raising it promotes the first waitlisters in the same transaction. A cancelled or ended event: EVENT_NOT_EDITABLE.
   */
  updateEvent: {
    input: z.object({ eventId: idString, event: eventInput }).strict(),
    output: z.object({ event: adminEventView, membersTold: z.number().int(), promoted: z.number().int() }),
  },
  /** What publishing with a notice would send (counts and the message as WeChat shows it). Writes nothing. */
  previewEventNotice: {
    input: z.object({ eventId: idString }).strict(),
    output: eventNoticePreview,
  },
  /**
   * Publishes a draft now, or schedules it (`publishAt`, store time, in the future): members see it from then, and
   * the notice (`notify`) is queued then, once. Now: the notice is queued in this transaction, one row per member.
   */
  publishEvent: {
    input: z.object({ eventId: idString, publishAt: localDateTime.optional(), notify: z.boolean() }).strict(),
    output: z.object({ event: adminEventView, queued: z.number().int() }),
  },
  /** Cancels the event: every registration cancelled, points refunded into their lots, members told. Once. */
  cancelEvent: {
    input: z.object({ eventId: idString, reason: text({ label: '取消原因', max: 60 }) }).strict(),
    output: z.object({ event: adminEventView, registrationsCancelled: z.number().int(), pointsRefunded: z.number().int() }),
  },
  /** Registered, waitlisted, attended, no-shows, ratings and comments (phones masked), spend within 30 days. */
  getEventResults: {
    input: z.object({ eventId: idString }).strict(),
    output: z.object({ event: adminEventView, results: eventResultsView }),
  },
  /** The roster (masked) as CSV (UTF-8 with BOM, so Excel opens it): H5 downloads it; on WeChat it is shown. */
  exportEventRoster: {
    input: z.object({ eventId: idString }).strict(),
    output: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  },
} as const
