import type { EventSignupState, EventStatus, TierCode } from '../../contract/enums'
import { tierLock } from '../coupons/state'
import { daysBetween, localDateOf } from '../local-time'
import { inZone } from '../zone-offset'
import { sortTiers, type Tier } from '../tiers'

/**
 * The rules of an event in time, pure: when sign-up opens for a member (tier-early access), when it closes,
 * until when a registered member may cancel, when the door is open, and what the sign-up button says. Every
 * instant comes in; "now" and the store's zone are passed by the caller (no clock here).
 */
export interface EventTimes {
  status: EventStatus
  startsAt: Date
  endsAt: Date
  signupFrom: Date | null
  signupUntil: Date | null
  publishAt: Date | null
  publishedAt: Date | null
  minTierCode: string | null
  earlyTierCode: string | null
  earlySignupFrom: Date | null
  cancelCutoffHours: number | null
}

/** The door opens this long before the start and closes at the end. */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * 60 * 60 * 1000
/** Feedback can be changed for this long after it was first given. */
export const FEEDBACK_EDIT_MS = 7 * 24 * 60 * 60 * 1000

const ms = (d: Date) => d.getTime()

/** Whether members may see the event now: published, or scheduled and its time has come (the job only notifies). */
export function isVisible(e: Pick<EventTimes, 'status' | 'publishAt'>, now: Date): boolean {
  if (e.status === 'published') return true
  return e.status === 'scheduled' && e.publishAt !== null && ms(e.publishAt) <= ms(now)
}

/** Whether `tierCode` is `minCode` or above in the store's ladder. */
export function tierAtLeast(tiers: readonly Tier[], tierCode: string, minCode: string): boolean {
  const sorted = sortTiers(tiers)
  return sorted.findIndex((t) => t.code === (tierCode as TierCode)) >= sorted.findIndex((t) => t.code === (minCode as TierCode))
}

/** Sign-up opens for everyone: the set time, or else when the event went (or goes) out. */
export function generalSignupFrom(e: EventTimes): Date | null {
  return e.signupFrom ?? e.publishedAt ?? e.publishAt
}

/** When sign-up opens for a member of `tierCode`: earlier for the early-access tier and above. */
export function signupOpensFor(e: EventTimes, tiers: readonly Tier[], tierCode: string): Date | null {
  const general = generalSignupFrom(e)
  if (e.earlyTierCode && e.earlySignupFrom && tierAtLeast(tiers, tierCode, e.earlyTierCode)) {
    return general === null || ms(e.earlySignupFrom) < ms(general) ? e.earlySignupFrom : general
  }
  return general
}

/** Sign-up closes at this instant (exclusive): the set time, or the start. */
export function signupClosesAt(e: Pick<EventTimes, 'signupUntil' | 'startsAt'>): Date {
  return e.signupUntil ?? e.startsAt
}

/** A registered member may cancel before this instant: the start minus the event's (or the store's) cut-off. */
export function cancelUntil(e: Pick<EventTimes, 'startsAt' | 'cancelCutoffHours'>, storeCutoffHours: number): Date {
  const hours = e.cancelCutoffHours ?? storeCutoffHours
  return new Date(ms(e.startsAt) - hours * 60 * 60 * 1000)
}

export type RegistrationCancelCheck = { ok: true } | { ok: false; code: 'REGISTRATION_CANCEL_CUTOFF' | 'REGISTRATION_NOT_CANCELLABLE' }

/**
 * A registered member may cancel strictly before the cut-off; a waitlister may leave until the start (they hold
 * no seat and paid nothing). Attended, no-show and cancelled registrations cannot be cancelled.
 */
export function canCancel(status: string, e: Pick<EventTimes, 'startsAt' | 'cancelCutoffHours'>, storeCutoffHours: number, now: Date): RegistrationCancelCheck {
  if (status === 'registered') return ms(now) < ms(cancelUntil(e, storeCutoffHours)) ? { ok: true } : { ok: false, code: 'REGISTRATION_CANCEL_CUTOFF' }
  if (status === 'waitlisted') return ms(now) < ms(e.startsAt) ? { ok: true } : { ok: false, code: 'REGISTRATION_NOT_CANCELLABLE' }
  return { ok: false, code: 'REGISTRATION_NOT_CANCELLABLE' }
}

export type DoorState = 'not_open' | 'open' | 'closed'

/** The door: open from 2 hours before the start through the end (inclusive), in absolute time. */
export function doorState(e: Pick<EventTimes, 'startsAt' | 'endsAt'>, now: Date): DoorState {
  if (ms(now) < ms(e.startsAt) - CHECK_IN_OPENS_BEFORE_MS) return 'not_open'
  if (ms(now) > ms(e.endsAt)) return 'closed'
  return 'open'
}

export function checkInOpensAt(e: Pick<EventTimes, 'startsAt'>): Date {
  return new Date(ms(e.startsAt) - CHECK_IN_OPENS_BEFORE_MS)
}

export type EventPhase = 'upcoming' | 'ongoing' | 'ended'

export function eventPhase(e: Pick<EventTimes, 'startsAt' | 'endsAt'>, now: Date): EventPhase {
  if (ms(now) < ms(e.startsAt)) return 'upcoming'
  return ms(now) <= ms(e.endsAt) ? 'ongoing' : 'ended'
}

export interface SignupViewer {
  tiers: readonly Tier[]
  tierCode: string
  now: Date
  zone: string
}

export interface SignupVerdict {
  state: EventSignupState
  /** Shown under the button for any state but open / waitlist: 12月1日 10:00 开始报名 / 仅限金卡及以上 / 报名已截止 … */
  reason: string | null
}

/**
 * What the sign-up button says to one member now, in the order a member would want to hear it: cancelled, ended,
 * the tier rule, not yet open (with when, earlier for their tier when early access applies), closed, then seats:
 * open while one is free, else the waitlist. The write decides seats for real; this is the first answer.
 */
export function signupVerdict(e: EventTimes & { capacity: number; seatsTaken: number }, v: SignupViewer): SignupVerdict {
  const now = ms(v.now)
  if (e.status === 'cancelled') return { state: 'cancelled', reason: '活动已取消' }
  if (now >= ms(e.startsAt)) return { state: 'ended', reason: now > ms(e.endsAt) ? '活动已结束' : '活动进行中，报名已截止' }
  const locked = tierLock(e.minTierCode, { tiers: v.tiers, memberTierCode: v.tierCode as TierCode })
  if (locked) return { state: 'tier_locked', reason: `${locked.replace(/^仅限/, '')}可报名` }
  const opens = signupOpensFor(e, v.tiers, v.tierCode)
  if (opens === null || now < ms(opens)) {
    const general = generalSignupFrom(e)
    const early = e.earlyTierCode && e.earlySignupFrom && general && ms(e.earlySignupFrom) < ms(general) ? earlyNote(e, v) : ''
    return { state: 'not_started', reason: opens === null ? '尚未开放报名' : `${whenText(opens, v)} 开始报名${early}` }
  }
  if (now >= ms(signupClosesAt(e))) return { state: 'closed', reason: '报名已截止' }
  return e.seatsTaken < e.capacity ? { state: 'open', reason: null } : { state: 'waitlist', reason: '名额已满，可加入候补' }
}

/** "（金卡及以上 11月20日 10:00 起）": for a member below the early tier, when the early window is. */
function earlyNote(e: EventTimes, v: SignupViewer): string {
  if (!e.earlyTierCode || !e.earlySignupFrom || tierAtLeast(v.tiers, v.tierCode, e.earlyTierCode)) return ''
  const tier = sortTiers(v.tiers).find((t) => t.code === e.earlyTierCode)
  return tier ? `（${tier.name}及以上可提前报名）` : ''
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "今天 10:00", "明天 10:00", "12月1日 10:00" in the store's zone. */
export function whenText(at: Date, v: Pick<SignupViewer, 'now' | 'zone'>): string {
  const days = daysBetween(localDateOf(v.now, v.zone), localDateOf(at, v.zone))
  const w = inZone(at.getTime(), v.zone)
  const time = `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`
  if (days === 0) return `今天 ${time}`
  if (days === 1) return `明天 ${time}`
  return `${w.getUTCMonth() + 1}月${w.getUTCDate()}日 ${time}`
}
