import { z } from 'zod'
import { EVENT_CONSENT_KINDS, EVENT_SIGNUP_STATES, REGISTRATION_CANCEL_REASONS, REGISTRATION_STATUSES } from './enums'
import { idString, requestId, text, tierView } from './fields'

/**
 * Member events (会员活动) as a member sees them: the 活动 tab (upcoming events with seats or the waitlist), an
 * event's page with the sign-up button's state for the caller, 我的活动 with a ticket per registration, and the
 * feedback after attending. Every state is decided by the server at the moment of the call from the stored rules;
 * signing up enforces seats, the waitlist order and the points cost by its writes.
 */

export const eventSignupState = z.enum(EVENT_SIGNUP_STATES)
export const registrationStatus = z.enum(REGISTRATION_STATUSES)

/** The caller's registration, as an event card shows it (我已报名 / 候补第 3 位 / 已签到). */
export const myRegistrationBrief = z.object({
  id: z.string(),
  status: registrationStatus,
  /** Waitlisted: 1-based place among those still waiting ("你是第 3 位候补"); otherwise null. */
  waitlistPosition: z.number().int().nullable(),
})
export type MyRegistrationBrief = z.infer<typeof myRegistrationBrief>

export const eventCardView = z.object({
  id: z.string(),
  title: z.string(),
  /** A URL the page can show (a cloud fileID on WeChat, /files/… locally), or null for the placeholder. */
  coverUrl: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  capacity: z.number().int(),
  /** capacity − seats taken (never below 0). */
  seatsLeft: z.number().int(),
  /** Members waiting now ("候补 N 人"). */
  waitlistCount: z.number().int(),
  /** Only this tier and above may sign up ("金卡及以上可报名"); null: everyone. */
  minTier: tierView.nullable(),
  /** Tier-early access: this tier and above may sign up from earlySignupFrom, everyone from signupFrom. */
  earlyTier: tierView.nullable(),
  earlySignupFrom: z.string().nullable(),
  signupFrom: z.string(),
  /** Sign-up closes at this instant (the start when none was set). */
  signupUntil: z.string(),
  /** Points debited with the seat (refunded on cancel); 0: free. */
  pointsCost: z.number().int(),
  /** Points credited at check-in; 0: none. */
  rewardPoints: z.number().int(),
  /** For the caller, now. */
  signupState: eventSignupState,
  /** For any state but open/waitlist, or a caller short of points: 12月1日 10:00 开始报名 / 仅限金卡及以上 / 积分不足（差 20 分）… */
  reason: z.string().nullable(),
  /** Points still missing to pay the cost (0 when affordable or free). */
  shortBy: z.number().int(),
  myRegistration: myRegistrationBrief.nullable(),
})
export type EventCardView = z.infer<typeof eventCardView>

export const eventDetailView = eventCardView.extend({
  description: z.string().nullable(),
  /** A registered member may cancel (and get the points back) until this instant. */
  cancelUntil: z.string(),
  /** The time or place changed after publishing: when (the page shows a banner "活动时间/地点已变更"). */
  changedAt: z.string().nullable(),
})
export type EventDetailView = z.infer<typeof eventDetailView>

export const eventFeedbackView = z.object({
  rating: z.number().int(),
  comment: z.string().nullable(),
  createdAt: z.string(),
  /** It can be changed until this instant (7 days after it was first given). */
  editableUntil: z.string(),
})
export type EventFeedbackView = z.infer<typeof eventFeedbackView>

export const registrationView = z.object({
  id: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  coverUrl: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  status: registrationStatus,
  waitlistPosition: z.number().int().nullable(),
  /** Points this registration paid (0 while waitlisted or for a free event), and how many came back on a cancel. */
  pointsPaid: z.number().int(),
  pointsRefunded: z.number().int().nullable(),
  createdAt: z.string(),
  /** When the seat was given (at sign-up, or at promotion from the waitlist). */
  registeredAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.enum(REGISTRATION_CANCEL_REASONS).nullable(),
  /** The ticket (E1 + 20 digits; QR and digits): only in getMyRegistration, and only while registered or attended. */
  ticketCode: z.string().optional(),
  /** Whether the member may cancel it now (registered before the cut-off, or waitlisted before the start). */
  cancellable: z.boolean(),
  cancelUntil: z.string(),
  /** The event's time or place changed after publishing, or the event was cancelled: a banner on 我的活动. */
  eventChangedAt: z.string().nullable(),
  eventCancelled: z.boolean(),
  /** Attended: the feedback given, and whether it can be given or changed now. */
  feedback: eventFeedbackView.nullable(),
  canGiveFeedback: z.boolean(),
})
export type RegistrationView = z.infer<typeof registrationView>

/** 1–5 stars; an optional comment of at most 500 characters. */
export const eventRating = z
  .number({ invalid_type_error: '评分应为数字', required_error: '请选择评分' })
  .int({ message: '评分应为整数' })
  .min(1, { message: '评分为 1–5 星' })
  .max(5, { message: '评分为 1–5 星' })

export const REGISTRATION_TABS = ['upcoming', 'waitlist', 'past', 'cancelled'] as const
export type RegistrationTab = (typeof REGISTRATION_TABS)[number]

export const eventsApi = {
  /** The 活动 tab: published events visible now that have not ended, soonest first, with the caller's state. */
  listEvents: {
    input: z.object({}).strict(),
    output: z.object({ events: z.array(eventCardView), pointsBalance: z.number().int() }),
  },
  /**
   * One event (published and visible, or one the caller registered for). `subscribeTemplates`: the store's
   * templates for 活动提醒, 候补转正 and 活动变更 (event_reminder, event_waitlist, event_changed; configured ones
   * only, at most 3), which the sign-up tap asks consent for before anything else (then records the answers with
   * recordSubscriptionConsent); empty on a store without templates.
   */
  getEvent: {
    input: z.object({ eventId: idString }).strict(),
    output: z.object({
      event: eventDetailView,
      pointsBalance: z.number().int(),
      subscribeTemplates: z.array(z.object({ kind: z.enum(EVENT_CONSENT_KINDS), templateId: z.string() })).max(3),
    }),
  },
  /**
   * Signs up in one transaction: a free seat (registered, charged the points cost by an 'event' debit) or the
   * waitlist (in arrival order, never charged). `requestId` is made once per tap: a retry returns the first result
   * (`repeated`). Refusals: EVENT_SIGNUP_NOT_STARTED, EVENT_SIGNUP_CLOSED, EVENT_TIER_LOCKED (金卡及以上可报名),
   * EVENT_ALREADY_REGISTERED, POINTS_INSUFFICIENT (积分不足（差 X 分）), EVENT_CANCELLED, EVENT_ENDED.
   */
  signUpForEvent: {
    input: z.object({ eventId: idString, requestId }).strict(),
    output: z.object({ registration: registrationView, pointsBalance: z.number().int(), repeated: z.boolean() }),
  },
  /**
   * Cancels the caller's registration (before the cut-off) or leaves the waitlist (before the start): the points
   * come back into their lots, and a freed seat goes to the first waitlister in the same transaction. Once.
   */
  cancelMyRegistration: {
    input: z.object({ registrationId: idString }).strict(),
    output: z.object({ registration: registrationView, pointsBalance: z.number().int() }),
  },
  /** 我的活动, one tab at a time (已报名 / 候补中 / 已结束 / 已取消), keyset cursor. */
  listMyRegistrations: {
    input: z
      .object({
        tab: z.enum(REGISTRATION_TABS),
        cursor: z.string().regex(/^\d{1,19}$/).optional(),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ registrations: z.array(registrationView), nextCursor: z.string().nullable() }),
  },
  /** One of the caller's registrations, with its ticket code while it holds a seat. Another member's: REGISTRATION_NOT_FOUND. */
  getMyRegistration: {
    input: z.object({ registrationId: idString }).strict(),
    output: z.object({ registration: registrationView }),
  },
  /** After checking in: 1–5 stars and an optional comment, once per event, changeable for 7 days (FEEDBACK_LOCKED after). */
  submitEventFeedback: {
    input: z
      .object({
        registrationId: idString,
        rating: eventRating,
        comment: text({ label: '评价内容', max: 500 }).optional(),
      })
      .strict(),
    output: z.object({ feedback: eventFeedbackView }),
  },
} as const
