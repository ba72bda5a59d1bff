import { instantAt } from '../local-time'
import { couponState, claimState } from './state'
import { dayWindow, daysAfterIssueEnd, isWithin, monthEnd, windowForIssue } from './validity'
import type { Tier } from '../tiers'

const SH = 'Asia/Shanghai'
const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => instantAt(SH, y, mo, d, h, mi, s)
const tiers: Tier[] = [
  { code: 'normal', name: '普通', minGrowth: 0, discountPct: 90 },
  { code: 'silver', name: '银卡', minGrowth: 1000, discountPct: 85 },
  { code: 'gold', name: '金卡', minGrowth: 5000, discountPct: 80 },
  { code: 'diamond', name: '钻石', minGrowth: 20000, discountPct: 75 },
]
const viewer = (now: Date, memberTierCode = 'normal') => ({ now, zone: SH, tiers, memberTierCode })

describe('coupon validity in store time', () => {
  it('runs a fixed window from 00:00:00 on the first day to 23:59:59 on the last, Shanghai time', () => {
    const w = dayWindow('2026-11-01', '2026-11-30', SH)
    expect(w.start.toISOString()).toBe('2026-10-31T16:00:00.000Z')
    expect(w.end.toISOString()).toBe('2026-11-30T15:59:59.999Z')
    expect(isWithin(at(2026, 11, 30, 23, 59, 59), w.start, w.end)).toBe(true)
    expect(isWithin(at(2026, 12, 1, 0, 0, 0), w.start, w.end)).toBe(false)
    expect(isWithin(at(2026, 10, 31, 23, 59, 59), w.start, w.end)).toBe(false)
  })

  it('ends "N days from the claim" at 23:59:59 on the Nth day, counting the claim’s day, across month and year ends', () => {
    // Claimed at 00:30 on 1 Dec in Shanghai (still 30 Nov in UTC): 1 day ends that same Shanghai day.
    expect(daysAfterIssueEnd(at(2026, 12, 1, 0, 30), 1, SH).toISOString()).toBe('2026-12-01T15:59:59.999Z')
    expect(daysAfterIssueEnd(at(2026, 11, 25, 23, 59, 59), 7, SH).toISOString()).toBe('2026-12-01T15:59:59.999Z')
    expect(daysAfterIssueEnd(at(2026, 12, 29, 10), 7, SH).toISOString()).toBe('2027-01-04T15:59:59.999Z')
  })

  it('ends a birth month on its last day, February included', () => {
    expect(monthEnd(2026, 12, SH).toISOString()).toBe('2026-12-31T15:59:59.999Z')
    expect(monthEnd(2027, 2, SH).toISOString()).toBe('2027-02-28T15:59:59.999Z')
    expect(monthEnd(2028, 2, SH).toISOString()).toBe('2028-02-29T15:59:59.999Z')
  })

  it('issues a fixed-window coupon with the template’s window, and nothing once the window is over', () => {
    const rule = { validityKind: 'fixed' as const, ...(() => { const w = dayWindow('2026-11-01', '2026-11-30', SH); return { validFrom: w.start, validTo: w.end } })(), validDays: null }
    expect(windowForIssue(rule, at(2026, 11, 30, 23, 59, 59), SH)).not.toBeNull()
    expect(windowForIssue(rule, at(2026, 12, 1), SH)).toBeNull()
  })
})

describe('a coupon’s state and reason', () => {
  const coupon = { status: 'available', validFrom: at(2026, 11, 24), validTo: at(2026, 11, 30, 23, 59, 59), usedAt: null, minTierCode: null }

  it('is usable inside its window and expired one second after its end, without any job', () => {
    expect(couponState(coupon, viewer(at(2026, 11, 30, 23, 59, 59)))).toEqual({ state: 'usable', reason: null })
    expect(couponState(coupon, viewer(at(2026, 12, 1, 0, 0, 0)))).toEqual({ state: 'expired', reason: '已于 11-30 过期' })
  })

  it('says 明天起可用 the day before, and the date further ahead', () => {
    expect(couponState(coupon, viewer(at(2026, 11, 23, 23, 59, 59)))).toEqual({ state: 'not_yet', reason: '明天起可用' })
    expect(couponState(coupon, viewer(at(2026, 11, 20, 12)))).toEqual({ state: 'not_yet', reason: '11月24日起可用' })
  })

  it('says 仅限金卡及以上 to a member below the tier, and nothing to a gold member', () => {
    const gold = { ...coupon, minTierCode: 'gold' }
    expect(couponState(gold, viewer(at(2026, 11, 25), 'silver'))).toEqual({ state: 'not_yet', reason: '仅限金卡及以上' })
    expect(couponState(gold, viewer(at(2026, 11, 25), 'gold')).state).toBe('usable')
    expect(couponState({ ...coupon, minTierCode: 'diamond' }, viewer(at(2026, 11, 25), 'gold')).reason).toBe('仅限钻石')
  })

  it('says when it was used, in store time', () => {
    const used = { ...coupon, status: 'used', usedAt: at(2026, 11, 25, 14, 3) }
    expect(couponState(used, viewer(at(2026, 12, 5)))).toEqual({ state: 'used', reason: '已于 11-25 14:03 核销' })
  })
})

describe('a template in the 领券中心', () => {
  const template = {
    status: 'active',
    claimStartsAt: at(2026, 12, 1, 10),
    claimEndsAt: at(2026, 12, 7, 23, 59, 59),
    useEndsAt: null,
    totalQuantity: 100,
    claimedCount: 0,
    perMemberLimit: 1,
    minTierCode: null,
  }
  const open = at(2026, 12, 2)

  it('walks through 未开始, 可领, 已领, 已抢光 and 已结束', () => {
    expect(claimState(template, { ...viewer(at(2026, 12, 1, 9, 59, 59)), claimedByMe: 0 })).toEqual({ state: 'not_started', reason: '12月1日 10:00 开抢' })
    expect(claimState(template, { ...viewer(open), claimedByMe: 0 }).state).toBe('claimable')
    expect(claimState(template, { ...viewer(open), claimedByMe: 1 })).toEqual({ state: 'claimed', reason: '已领取' })
    expect(claimState({ ...template, claimedCount: 100 }, { ...viewer(open), claimedByMe: 0 })).toEqual({ state: 'sold_out', reason: '已抢光' })
    expect(claimState(template, { ...viewer(at(2026, 12, 8)), claimedByMe: 0 })).toEqual({ state: 'ended', reason: '已结束' })
    expect(claimState({ ...template, status: 'stopped' }, { ...viewer(open), claimedByMe: 0 }).state).toBe('ended')
  })

  it('shows 仅限金卡及以上 to a member below the audience tier', () => {
    expect(claimState({ ...template, minTierCode: 'gold' }, { ...viewer(open, 'silver'), claimedByMe: 0 })).toEqual({ state: 'tier_locked', reason: '仅限金卡及以上' })
  })
})
