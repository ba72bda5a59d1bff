import type { Tier } from '../tiers'
import {
  canCancel,
  cancelUntil,
  checkInOpensAt,
  doorState,
  eventPhase,
  generalSignupFrom,
  isVisible,
  signupClosesAt,
  signupOpensFor,
  signupVerdict,
  tierAtLeast,
  whenText,
  type EventTimes,
} from './event-rules'

const ZONE = 'Asia/Shanghai'
/** A wall-clock time in the store's zone (UTC+8) as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`)
const later = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000)

// Deliberately out of order: the rules sort by threshold.
const tiers = [
  { code: 'gold', name: '金卡', minGrowth: 1000, discountPct: 95 },
  { code: 'normal', name: '普通会员', minGrowth: 0, discountPct: 100 },
  { code: 'diamond', name: '钻石卡', minGrowth: 5000, discountPct: 90 },
  { code: 'silver', name: '银卡', minGrowth: 100, discountPct: 98 },
] as Tier[]

const START = sh('2026-12-05T14:00:00')
const END = sh('2026-12-05T16:00:00')
function event(o: Partial<EventTimes & { capacity: number; seatsTaken: number }> = {}): EventTimes & { capacity: number; seatsTaken: number } {
  return {
    status: 'published',
    startsAt: START,
    endsAt: END,
    signupFrom: sh('2026-12-01T10:00:00'),
    signupUntil: null,
    publishAt: null,
    publishedAt: sh('2026-11-20T09:00:00'),
    minTierCode: null,
    earlyTierCode: null,
    earlySignupFrom: null,
    cancelCutoffHours: null,
    capacity: 10,
    seatsTaken: 0,
    ...o,
  }
}
const viewer = (tierCode: string, now: Date) => ({ tiers, tierCode, now, zone: ZONE })

describe('isVisible', () => {
  it('shows a published event and a scheduled one from its publish time to the second, never a draft or a cancelled one', () => {
    const at = sh('2026-11-23T10:00:00')
    expect(isVisible({ status: 'published', publishAt: null }, at)).toBe(true)
    expect(isVisible({ status: 'scheduled', publishAt: at }, at)).toBe(true)
    expect(isVisible({ status: 'scheduled', publishAt: later(at, 1) }, at)).toBe(false)
    expect(isVisible({ status: 'scheduled', publishAt: null }, at)).toBe(false)
    expect(isVisible({ status: 'draft', publishAt: at }, at)).toBe(false)
    expect(isVisible({ status: 'cancelled', publishAt: at }, at)).toBe(false)
  })
})

describe('tierAtLeast', () => {
  it('compares by the ladder, not by the order the tiers came in', () => {
    expect(tierAtLeast(tiers, 'gold', 'gold')).toBe(true)
    expect(tierAtLeast(tiers, 'diamond', 'gold')).toBe(true)
    expect(tierAtLeast(tiers, 'silver', 'gold')).toBe(false)
    expect(tierAtLeast(tiers, 'normal', 'silver')).toBe(false)
  })
})

describe('sign-up opening', () => {
  it('opens for everyone at the set time, or else at publishing (done or scheduled)', () => {
    expect(generalSignupFrom(event())).toEqual(sh('2026-12-01T10:00:00'))
    expect(generalSignupFrom(event({ signupFrom: null }))).toEqual(sh('2026-11-20T09:00:00'))
    expect(generalSignupFrom(event({ signupFrom: null, publishedAt: null, publishAt: sh('2026-11-25T08:00:00') }))).toEqual(sh('2026-11-25T08:00:00'))
    expect(generalSignupFrom(event({ signupFrom: null, publishedAt: null }))).toBeNull()
  })

  it('opens earlier for the early tier and above only, and never later than the general time', () => {
    const e = event({ earlyTierCode: 'gold', earlySignupFrom: sh('2026-11-30T00:00:00') })
    expect(signupOpensFor(e, tiers, 'gold')).toEqual(sh('2026-11-30T00:00:00'))
    expect(signupOpensFor(e, tiers, 'diamond')).toEqual(sh('2026-11-30T00:00:00'))
    expect(signupOpensFor(e, tiers, 'silver')).toEqual(sh('2026-12-01T10:00:00'))
    const backwards = event({ earlyTierCode: 'gold', earlySignupFrom: sh('2026-12-02T00:00:00') })
    expect(signupOpensFor(backwards, tiers, 'gold')).toEqual(sh('2026-12-01T10:00:00'))
  })

  it('closes at the set time, or else at the start', () => {
    expect(signupClosesAt(event())).toEqual(START)
    expect(signupClosesAt(event({ signupUntil: sh('2026-12-04T20:00:00') }))).toEqual(sh('2026-12-04T20:00:00'))
  })
})

describe('cancelling', () => {
  it("stops at the event's own cut-off, or else the store's", () => {
    expect(cancelUntil(event(), 3)).toEqual(sh('2026-12-05T11:00:00'))
    expect(cancelUntil(event({ cancelCutoffHours: 24 }), 3)).toEqual(sh('2026-12-04T14:00:00'))
    expect(cancelUntil(event({ cancelCutoffHours: 0 }), 3)).toEqual(START)
  })

  it('lets a registered member cancel until one second before the cut-off, exactly 3 hours before the start', () => {
    expect(canCancel('registered', event(), 3, sh('2026-12-05T10:59:59'))).toEqual({ ok: true })
    expect(canCancel('registered', event(), 3, sh('2026-12-05T11:00:00'))).toEqual({ ok: false, code: 'REGISTRATION_CANCEL_CUTOFF' })
  })

  it('lets a waitlister leave until the start, and never cancels what is attended, a no-show or already cancelled', () => {
    expect(canCancel('waitlisted', event(), 3, later(START, -1))).toEqual({ ok: true })
    expect(canCancel('waitlisted', event(), 3, START)).toEqual({ ok: false, code: 'REGISTRATION_NOT_CANCELLABLE' })
    for (const status of ['attended', 'no_show', 'cancelled']) {
      expect(canCancel(status, event(), 3, sh('2026-12-01T00:00:00'))).toEqual({ ok: false, code: 'REGISTRATION_NOT_CANCELLABLE' })
    }
  })
})

describe('the door and the phase', () => {
  it('opens 2 hours before the start and closes after the end, both edges included', () => {
    expect(checkInOpensAt(event())).toEqual(sh('2026-12-05T12:00:00'))
    expect(doorState(event(), sh('2026-12-05T11:59:59'))).toBe('not_open')
    expect(doorState(event(), sh('2026-12-05T12:00:00'))).toBe('open')
    expect(doorState(event(), END)).toBe('open')
    expect(doorState(event(), later(END, 1))).toBe('closed')
  })

  it('is upcoming before the start, ongoing through the end, ended a second later', () => {
    expect(eventPhase(event(), later(START, -1))).toBe('upcoming')
    expect(eventPhase(event(), START)).toBe('ongoing')
    expect(eventPhase(event(), END)).toBe('ongoing')
    expect(eventPhase(event(), later(END, 1))).toBe('ended')
  })
})

describe('signupVerdict', () => {
  it('opens at the set time to the second and says when before it', () => {
    expect(signupVerdict(event(), viewer('normal', sh('2026-12-01T09:59:59')))).toEqual({ state: 'not_started', reason: '今天 10:00 开始报名' })
    expect(signupVerdict(event(), viewer('normal', sh('2026-12-01T10:00:00')))).toEqual({ state: 'open', reason: null })
    expect(signupVerdict(event(), viewer('normal', sh('2026-11-30T23:59:59')))).toEqual({ state: 'not_started', reason: '明天 10:00 开始报名' })
    expect(signupVerdict(event(), viewer('normal', sh('2026-11-29T23:59:59')))).toEqual({ state: 'not_started', reason: '12月1日 10:00 开始报名' })
  })

  it('lets gold in from the early time at 00:00:00 store time, and tells a normal member both times until the general one', () => {
    const e = event({ earlyTierCode: 'gold', earlySignupFrom: sh('2026-11-30T00:00:00') })
    expect(signupVerdict(e, viewer('gold', sh('2026-11-29T23:59:59')))).toEqual({ state: 'not_started', reason: '明天 00:00 开始报名' })
    expect(signupVerdict(e, viewer('gold', sh('2026-11-30T00:00:00')))).toEqual({ state: 'open', reason: null })
    expect(signupVerdict(e, viewer('normal', sh('2026-11-30T00:00:00')))).toEqual({ state: 'not_started', reason: '明天 10:00 开始报名（金卡及以上可提前报名）' })
    expect(signupVerdict(e, viewer('normal', sh('2026-12-01T09:59:59')))).toMatchObject({ state: 'not_started' })
    expect(signupVerdict(e, viewer('normal', sh('2026-12-01T10:00:00')))).toEqual({ state: 'open', reason: null })
  })

  it('locks a tier-only event below its tier, naming the tier', () => {
    expect(signupVerdict(event({ minTierCode: 'gold' }), viewer('silver', sh('2026-12-02T00:00:00')))).toEqual({ state: 'tier_locked', reason: '金卡及以上可报名' })
    expect(signupVerdict(event({ minTierCode: 'gold' }), viewer('gold', sh('2026-12-02T00:00:00')))).toEqual({ state: 'open', reason: null })
    expect(signupVerdict(event({ minTierCode: 'diamond' }), viewer('gold', sh('2026-12-02T00:00:00')))).toEqual({ state: 'tier_locked', reason: '钻石卡可报名' })
  })

  it('offers the waitlist only when every seat is taken', () => {
    const at = viewer('normal', sh('2026-12-02T00:00:00'))
    expect(signupVerdict(event({ capacity: 2, seatsTaken: 1 }), at).state).toBe('open')
    expect(signupVerdict(event({ capacity: 2, seatsTaken: 2 }), at)).toEqual({ state: 'waitlist', reason: '名额已满，可加入候补' })
  })

  it('closes at signup_until, and at the start when none is set', () => {
    const e = event({ signupUntil: sh('2026-12-04T20:00:00') })
    expect(signupVerdict(e, viewer('normal', sh('2026-12-04T19:59:59'))).state).toBe('open')
    expect(signupVerdict(e, viewer('normal', sh('2026-12-04T20:00:00')))).toEqual({ state: 'closed', reason: '报名已截止' })
    expect(signupVerdict(event(), viewer('normal', later(START, -1))).state).toBe('open')
    expect(signupVerdict(event(), viewer('normal', START))).toEqual({ state: 'ended', reason: '活动进行中，报名已截止' })
    expect(signupVerdict(event(), viewer('normal', later(END, 1)))).toEqual({ state: 'ended', reason: '活动已结束' })
  })

  it('says cancelled before anything else, and 尚未开放报名 when no time is known', () => {
    expect(signupVerdict(event({ status: 'cancelled', minTierCode: 'gold' }), viewer('normal', later(END, 1)))).toEqual({ state: 'cancelled', reason: '活动已取消' })
    expect(signupVerdict(event({ signupFrom: null, publishedAt: null }), viewer('normal', sh('2026-12-02T00:00:00')))).toEqual({ state: 'not_started', reason: '尚未开放报名' })
  })
})

describe('whenText', () => {
  it('says 今天 / 明天 / the date by the store calendar, across midnight', () => {
    const now = sh('2026-11-30T23:59:59')
    expect(whenText(sh('2026-11-30T23:59:59'), { now, zone: ZONE })).toBe('今天 23:59')
    expect(whenText(sh('2026-12-01T00:00:00'), { now, zone: ZONE })).toBe('明天 00:00')
    expect(whenText(sh('2026-12-02T00:00:00'), { now, zone: ZONE })).toBe('12月2日 00:00')
  })
})
