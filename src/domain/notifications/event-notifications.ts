import type { NotificationDraft } from './points-credited'

/**
 * The events' notifications. Every payload has the same four values, so one template mapping fits each kind
 * (e.g. `{ thing1: 'event', time2: 'time', thing3: 'place', thing4: 'note' }`): the event's title, its start (an
 * ISO instant; the template's `time` key formats it in store time), its place and a short note. The dedupe keys
 * name what caused each one, so a retried call or a re-run job queues nothing new.
 */
export interface EventFacts {
  eventId: number
  title: string
  startsAt: Date
  place: string
}

function payload(e: EventFacts, title: string, note: string): NotificationDraft['payload'] {
  return { title, event: e.title, time: e.startsAt.toISOString(), place: e.place, note }
}

/** 「新活动」: to every member the publishing reaches; keyed by event and member. */
export function eventPublishedNotification(e: EventFacts & { memberId: number; pointsCost: number; rewardPoints: number }): NotificationDraft {
  return {
    kind: 'event_published',
    dedupeKey: eventPublishedDedupePrefix(e.eventId) + e.memberId,
    title: '新活动',
    body: `「${e.title}」开放报名啦，${publishedNote(e)}`,
    payload: payload(e, '新活动', publishedNote(e)),
  }
}

/** The publish notice's dedupe key is this prefix and the member's id (the set-based fan-out builds it in SQL). */
export const eventPublishedDedupePrefix = (eventId: number) => `event_published:${eventId}:`

export function publishedNote(e: { pointsCost: number; rewardPoints: number }): string {
  if (e.pointsCost > 0) return `报名需 ${e.pointsCost} 积分，名额有限`
  if (e.rewardPoints > 0) return `签到即得 ${e.rewardPoints} 积分`
  return '名额有限，快来报名'
}

/** 「活动提醒」: 2 hours before the start, to each registered member; once per registration. */
export function eventReminderNotification(e: EventFacts & { registrationId: number }): NotificationDraft {
  return {
    kind: 'event_reminder',
    dedupeKey: `event_reminder:${e.registrationId}`,
    title: '活动即将开始',
    body: `您报名的「${e.title}」将于 2 小时后开始，地点：${e.place}。请准时到场，出示活动票签到。`,
    payload: payload(e, '活动即将开始', '请准时到场签到'),
  }
}

/** 「候补转正」: a seat freed and the waitlister got it (charged its points cost then). */
export function eventPromotedNotification(e: EventFacts & { registrationId: number; pointsPaid: number }): NotificationDraft {
  const paid = e.pointsPaid > 0 ? `，已扣除 ${e.pointsPaid} 积分` : ''
  return {
    kind: 'event_waitlist',
    dedupeKey: `event_promoted:${e.registrationId}`,
    title: '候补成功',
    body: `您候补的「${e.title}」有名额了，已为您报名${paid}。`,
    payload: payload(e, '候补成功', '候补成功，已为您报名'),
  }
}

/** The waitlister's turn came but they could no longer pay or qualify: they leave the waitlist, told why. */
export function eventWaitlistSkippedNotification(e: EventFacts & { registrationId: number; why: string }): NotificationDraft {
  return {
    kind: 'event_waitlist',
    dedupeKey: `event_waitlist_skipped:${e.registrationId}`,
    title: '候补未能转正',
    body: `「${e.title}」有名额空出，但${e.why}，未能为您报名，候补已取消。`,
    payload: payload(e, '候补未能转正', '未能为您报名，候补已取消'),
  }
}

/** 「活动变更」: the time or place changed after publishing; once per member and change. */
export function eventChangedNotification(e: EventFacts & { memberId: number; changedAt: Date; what: string }): NotificationDraft {
  return {
    kind: 'event_changed',
    dedupeKey: `event_changed:${e.eventId}:${e.memberId}:${e.changedAt.getTime()}`,
    title: '活动变更',
    body: `您报名的「${e.title}」${e.what}已变更，请查看活动页的最新时间和地点。`,
    payload: payload(e, '活动变更', `${e.what}已变更`),
  }
}

/** The event was cancelled: every registration cancelled and its points refunded; once per registration. */
export function eventCancelledNotification(e: EventFacts & { registrationId: number; pointsRefunded: number; reason: string }): NotificationDraft {
  const back = e.pointsRefunded > 0 ? `，${e.pointsRefunded} 积分已退回` : ''
  return {
    kind: 'event_changed',
    dedupeKey: `event_cancelled:${e.registrationId}`,
    title: '活动已取消',
    body: `很抱歉，「${e.title}」已取消（${e.reason}）${back}。`,
    payload: payload(e, '活动已取消', '活动已取消'),
  }
}
