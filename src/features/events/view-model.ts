import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { EventCardView, EventDetailView, MyRegistrationBrief, RegistrationView } from '../../contract/events'
import type { RegistrationCancelReason, RegistrationStatus } from '../../contract/enums'
import { CHECK_IN_OPENS_BEFORE_MS } from '../../domain/events/event-rules'
import { formatCount } from '../card/view-model'
import { STORE_UTC_OFFSET_MIN } from '../common/store-time'

dayjs.extend(utc)

/**
 * Pure presentation rules for member events (no Taro, no React: unit-tested in node). Whether a member may sign up
 * is the server's answer (signupState + reason + shortBy, from its stored rules at the moment of the call); these
 * functions only say it in the page's words, on the store's clock.
 */

const inStore = (v: string | number) => dayjs(v).utcOffset(STORE_UTC_OFFSET_MIN)
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const HOUR_MS = 60 * 60 * 1000

export const pointsText = (points: number): string => formatCount(points)

/** "12月6日 周六", with the year when it is not this year's (in the store's zone). */
function dayText(t: dayjs.Dayjs, nowMs: number): string {
  const year = t.year() === inStore(nowMs).year() ? '' : `${t.year()}年`
  return `${year}${t.month() + 1}月${t.date()}日 ${WEEKDAYS[t.day()]}`
}

/**
 * The event's time in store time: "12月6日 周六 14:00–16:00"; an end at the following midnight reads "24:00"
 * (an evening event, not a two-day one); across days "12月6日 周六 22:00 – 12月7日 周日 02:00".
 */
export function eventTimeText(startsAt: string, endsAt: string, nowMs: number): string {
  const s = inStore(startsAt)
  const e = inStore(endsAt)
  if (!s.isValid() || !e.isValid()) return ''
  const sameDay = s.format('YYYY-MM-DD') === e.format('YYYY-MM-DD')
  const endsAtMidnight = e.format('HH:mm') === '00:00' && s.add(1, 'day').format('YYYY-MM-DD') === e.format('YYYY-MM-DD') && e.isAfter(s)
  if (sameDay) return `${dayText(s, nowMs)} ${s.format('HH:mm')}–${e.format('HH:mm')}`
  if (endsAtMidnight) return `${dayText(s, nowMs)} ${s.format('HH:mm')}–24:00`
  return `${dayText(s, nowMs)} ${s.format('HH:mm')} – ${dayText(e, nowMs)} ${e.format('HH:mm')}`
}

/** A moment in store time: "12月6日 14:00". */
export function momentText(iso: string): string {
  const t = inStore(iso)
  return t.isValid() ? `${t.month() + 1}月${t.date()}日 ${t.format('HH:mm')}` : ''
}

/** "剩余 12 席", "已满 · 候补 3 人", or "已满" with nobody waiting yet. */
export function seatsText(e: Pick<EventCardView, 'seatsLeft' | 'waitlistCount'>): string {
  if (e.seatsLeft > 0) return `剩余 ${e.seatsLeft} 席`
  return e.waitlistCount > 0 ? `已满 · 候补 ${e.waitlistCount} 人` : '已满'
}

/** "金卡及以上", or null when everyone may sign up. */
export const tierBadgeText = (e: Pick<EventCardView, 'minTier'>): string | null => (e.minTier ? `${e.minTier.name}及以上` : null)

/** "报名需 100 积分" and / or "签到得 50 积分". */
export function pointsRuleTexts(e: Pick<EventCardView, 'pointsCost' | 'rewardPoints'>): string[] {
  const out: string[] = []
  if (e.pointsCost > 0) out.push(`报名需 ${pointsText(e.pointsCost)} 积分`)
  if (e.rewardPoints > 0) out.push(`签到得 ${pointsText(e.rewardPoints)} 积分`)
  return out
}

/** The caller's own state on a card: 已报名 / 候补第 3 位 / 已签到 / 未到场; nothing after a cancel. */
export function myStateText(r: MyRegistrationBrief | null): string | null {
  if (!r) return null
  switch (r.status) {
    case 'registered':
      return '已报名'
    case 'waitlisted':
      return r.waitlistPosition ? `候补第 ${r.waitlistPosition} 位` : '候补中'
    case 'attended':
      return '已签到'
    case 'no_show':
      return '未到场'
    case 'cancelled':
      return null
  }
}

/** "开始前 3 小时可取消" from the start and the cancel deadline (minutes when it is not whole hours). */
export function cancelRuleText(e: Pick<EventDetailView, 'startsAt' | 'cancelUntil'>): string {
  const before = Date.parse(e.startsAt) - Date.parse(e.cancelUntil)
  if (!(before > 0)) return '开始前可取消'
  if (before % HOUR_MS === 0) return `开始前 ${before / HOUR_MS} 小时可取消`
  return `开始前 ${Math.round(before / 60_000)} 分钟可取消`
}

/** "开始前 2 小时可签到（12月6日 12:00 起）": the door's window, as the server applies it. */
export function checkInWindowText(startsAt: string): string {
  const opens = new Date(Date.parse(startsAt) - CHECK_IN_OPENS_BEFORE_MS).toISOString()
  return `开始前 ${CHECK_IN_OPENS_BEFORE_MS / HOUR_MS} 小时可签到（${momentText(opens)} 起）`
}

/** "金卡及以上会员 11月20日 10:00 起可提前报名", when the event has tier-early access. */
export function earlyAccessText(e: Pick<EventCardView, 'earlyTier' | 'earlySignupFrom'>): string | null {
  if (!e.earlyTier || !e.earlySignupFrom) return null
  return `${e.earlyTier.name}及以上会员 ${momentText(e.earlySignupFrom)} 起可提前报名`
}

export type SignupButton =
  | { kind: 'signup'; label: '立即报名' }
  | { kind: 'waitlist'; label: '加入候补' }
  | { kind: 'mine'; label: '查看我的报名'; registrationId: string }
  | { kind: 'disabled'; label: string }

const DISABLED_LABELS = {
  not_started: '尚未开放报名',
  closed: '报名已截止',
  tier_locked: '等级不足',
  ended: '活动已结束',
  cancelled: '活动已取消',
} as const

/** The one button under an event: what the member holds, or what the server says they may do now. */
export function signupButton(e: Pick<EventCardView, 'signupState' | 'reason' | 'shortBy' | 'myRegistration'>): SignupButton {
  const mine = e.myRegistration
  if (mine && mine.status !== 'cancelled') return { kind: 'mine', label: '查看我的报名', registrationId: mine.id }
  switch (e.signupState) {
    case 'open':
      return e.shortBy > 0 ? { kind: 'disabled', label: `积分不足（差 ${pointsText(e.shortBy)} 分）` } : { kind: 'signup', label: '立即报名' }
    case 'waitlist':
      return { kind: 'waitlist', label: '加入候补' }
    default:
      return { kind: 'disabled', label: e.reason ?? DISABLED_LABELS[e.signupState] }
  }
}

/** The confirm before a points-cost sign-up. */
export const signupConfirmText = (pointsCost: number): string => `报名将扣除 ${pointsText(pointsCost)} 积分，取消报名可退回`

/** The toast after signing up: a seat, or a place in the queue. */
export function signupToastText(r: Pick<RegistrationView, 'status' | 'waitlistPosition'>): string {
  if (r.status === 'waitlisted') return r.waitlistPosition ? `已加入候补（第 ${r.waitlistPosition} 位）` : '已加入候补'
  return '报名成功'
}

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  registered: '已报名',
  waitlisted: '候补中',
  attended: '已签到',
  no_show: '未到场',
  cancelled: '已取消',
}

const CANCEL_REASON_TEXTS: Record<RegistrationCancelReason, string> = {
  member: '你已取消报名',
  event_cancelled: '活动已取消',
  promotion_skipped: '轮到你时积分或等级不满足，未能转正',
}

/** A waitlister whose event has started never got a seat: nobody is promoted after the start. */
const missedWaitlist = (r: Pick<RegistrationView, 'status' | 'startsAt'>, nowMs: number) => r.status === 'waitlisted' && Date.parse(r.startsAt) <= nowMs

/** The registration's status word: 已报名 / 候补中 / 已签到 / 未到场 / 已取消, and 未获得名额 for a waitlister after the start. */
export function registrationLabel(r: Pick<RegistrationView, 'status' | 'startsAt'>, nowMs: number): string {
  return missedWaitlist(r, nowMs) ? '未获得名额' : REGISTRATION_STATUS_LABELS[r.status]
}

/** The line under a registration: "你是第 3 位候补", why it was cancelled, the points back. */
export function registrationNote(
  r: Pick<RegistrationView, 'status' | 'startsAt' | 'waitlistPosition' | 'cancelReason' | 'pointsRefunded' | 'checkedInAt'>,
  nowMs: number,
): string | null {
  switch (r.status) {
    case 'waitlisted':
      if (missedWaitlist(r, nowMs)) return '活动已开始，候补未能转正（未扣积分）'
      return r.waitlistPosition ? `你是第 ${r.waitlistPosition} 位候补` : '候补中'
    case 'attended':
      return r.checkedInAt ? `已签到 · ${momentText(r.checkedInAt)}` : '已签到'
    case 'no_show':
      return '未签到'
    case 'cancelled': {
      const why = r.cancelReason ? CANCEL_REASON_TEXTS[r.cancelReason] : '已取消'
      return r.pointsRefunded ? `${why}，${pointsText(r.pointsRefunded)} 积分已退回` : why
    }
    case 'registered':
      return null
  }
}

/** The banner over a registration or an event: cancelled first, then changed. */
export function eventBanner(cancelled: boolean, changedAt: string | null): string | null {
  if (cancelled) return '活动已取消'
  return changedAt ? `活动时间/地点已变更（${momentText(changedAt)}），请留意新的安排` : null
}

/** The cancel confirm: what comes back, and what is given up. */
export function cancelConfirm(r: Pick<RegistrationView, 'status' | 'pointsPaid' | 'waitlistPosition'>): { title: string; content: string; confirm: string } {
  if (r.status === 'waitlisted') {
    const place = r.waitlistPosition ? `（当前第 ${r.waitlistPosition} 位）` : ''
    return { title: '退出候补', content: `退出后将失去候补位置${place}，候补不扣积分，无需退回。`, confirm: '确认退出' }
  }
  const back = r.pointsPaid > 0 ? `报名扣除的 ${pointsText(r.pointsPaid)} 积分将退回您的账户，` : ''
  return { title: '取消报名', content: `取消后${back}名额将让给候补会员。`, confirm: '确认取消' }
}

export const COMMENT_MAX = 500

/** Whether a feedback can still be changed: until its editableUntil. */
export const feedbackEditable = (editableUntil: string, nowMs: number): boolean => nowMs < Date.parse(editableUntil)
