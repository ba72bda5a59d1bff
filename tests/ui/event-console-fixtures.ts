import { adminEventView, eventNoticePreview, eventResultsView, type AdminEventView, type EventNoticePreview, type EventResultsView } from '../../src/contract/event-publishing'

/** 周末手冲咖啡课: published, Dec 1 14:00–16:00, 12 of 20 seats, 3 waiting, 5 in. Checked against the contract. */
export function anAdminEvent(over: Partial<AdminEventView> = {}): AdminEventView {
  const base = {
    id: '7',
    status: 'published',
    phase: 'upcoming',
    title: '周末手冲咖啡课',
    coverUrl: '/files/mall/cover.jpg',
    startsAt: '2026-12-01 14:00',
    endsAt: '2026-12-01 16:00',
    place: '一楼吧台',
    capacity: 20,
    registeredCount: 12,
    waitlistCount: 3,
    attendedCount: 5,
    pointsCost: 0,
    rewardPoints: 50,
    publishAt: null,
    publishedAt: '2026-11-20T02:00:00.000Z',
    notifyOnPublish: true,
    cancelledAt: null,
    cancelReason: null,
    form: {
      title: '周末手冲咖啡课',
      description: '带你认识手冲',
      coverKey: 'mall/cover.jpg',
      startsAt: '2026-12-01 14:00',
      endsAt: '2026-12-01 16:00',
      place: '一楼吧台',
      capacity: 20,
      signupFrom: null,
      signupUntil: null,
      minTierCode: null,
      earlyTierCode: null,
      earlySignupFrom: null,
      pointsCost: 0,
      rewardPoints: 50,
      cancelCutoffHours: null,
    },
  }
  return adminEventView.parse({ ...base, ...over, form: { ...base.form, ...(over.form ?? {}) } })
}

/** A draft nobody has signed up for. */
export const aDraftEvent = (over: Partial<AdminEventView> = {}) =>
  anAdminEvent({ id: '9', status: 'draft', publishedAt: null, registeredCount: 0, waitlistCount: 0, attendedCount: 0, notifyOnPublish: false, ...over })

export function aNoticePreview(over: Partial<EventNoticePreview> = {}): EventNoticePreview {
  return eventNoticePreview.parse({
    audience: 120,
    wechatReachable: 45,
    inApp: { title: '新活动：周末手冲咖啡课', body: '12月1日 14:00 · 一楼吧台，名额 20 人，快来报名' },
    wechat: {
      templateTitle: '活动报名提醒',
      fields: [
        { key: 'thing1', label: '活动名称', value: '周末手冲咖啡课', truncated: false, full: null },
        { key: 'thing2', label: '活动地点', value: '一楼吧台靠窗的长桌（请从东门进入后…', truncated: true, full: '一楼吧台靠窗的长桌（请从东门进入后左转，沿走廊到底）' },
        { key: 'time3', label: '活动时间', value: '2026年12月1日 14:00', truncated: false, full: null },
      ],
      problems: [],
    },
    wechatSendsAt: null,
    ...over,
  })
}

export function someResults(over: Partial<EventResultsView> = {}): EventResultsView {
  return eventResultsView.parse({
    registered: 18,
    waitlisted: 2,
    attended: 15,
    noShows: 3,
    cancelled: 4,
    walkIns: 1,
    ratingCount: 6,
    averageRating: 4.3,
    spendAfterFen: 256800,
    spendAfterMembers: 9,
    spendWindowClosed: false,
    comments: [{ rating: 5, comment: '老师讲得很细', memberMasked: '小*（138****5678）', at: '2026-12-01T09:10:00.000Z' }],
    ...over,
  })
}
