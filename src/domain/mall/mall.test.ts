import { routeScannedCode } from '../scan-code'
import type { Tier } from '../tiers'
import { limitText, mallItemState, periodKey, type MallItemFacts, type MallViewer } from './item-state'
import { newPickupCode } from './pickup-code'
import { pickupExpired, pickupExpiresAt } from './pickup-window'

const ZONE = 'Asia/Shanghai'
/** A wall-clock time in the store's zone (UTC+8) as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`)

const tiers = [
  { code: 'normal', name: '普通会员', minGrowth: 0 },
  { code: 'silver', name: '银卡', minGrowth: 100 },
  { code: 'gold', name: '金卡', minGrowth: 1000 },
  { code: 'diamond', name: '钻石', minGrowth: 5000 },
] as unknown as Tier[]

const item: MallItemFacts = {
  status: 'on_sale',
  pointsPrice: 500,
  stockTotal: 10,
  redeemedCount: 0,
  perMemberLimit: 1,
  limitPeriod: 'total',
  redeemFrom: sh('2026-12-01T10:00:00'),
  redeemUntil: sh('2026-12-31T23:59:59'),
  minTierCode: null,
}
const viewer = (over: Partial<MallViewer> = {}): MallViewer => ({
  now: sh('2026-12-10T12:00:00'),
  zone: ZONE,
  tiers,
  memberTierCode: 'normal',
  usablePoints: 1000,
  redeemedByMe: 0,
  pointsPerYuan: 1,
  ...over,
})

describe('a mall item for one member', () => {
  it('is redeemable inside its window with stock, points and quota', () => {
    expect(mallItemState(item, viewer())).toEqual({ state: 'redeemable', reason: null, shortBy: 0, spendToAffordFen: null })
  })

  it('opens at redeem_from to the second, store time, and says when before', () => {
    expect(mallItemState(item, viewer({ now: sh('2026-12-01T09:59:59') }))).toMatchObject({ state: 'not_started', reason: '12月1日 10:00 开兑' })
    expect(mallItemState(item, viewer({ now: sh('2026-12-01T10:00:00') })).state).toBe('redeemable')
  })

  it('ends after redeem_until (inclusive): 23:59:59 still open, 00:00:00 ended', () => {
    expect(mallItemState(item, viewer({ now: sh('2026-12-31T23:59:59') })).state).toBe('redeemable')
    expect(mallItemState(item, viewer({ now: sh('2027-01-01T00:00:00') }))).toMatchObject({ state: 'ended', reason: '已结束' })
  })

  it('says 差 X 分 and the spend that earns it, from the store rate', () => {
    expect(mallItemState(item, viewer({ usablePoints: 380, pointsPerYuan: 2 }))).toEqual({
      state: 'insufficient',
      reason: '差 120 分',
      shortBy: 120,
      spendToAffordFen: 6000,
    })
    // A balance below zero never makes the shortfall bigger than the price.
    expect(mallItemState(item, viewer({ usablePoints: -5 })).shortBy).toBe(500)
  })

  it('says 已兑完, 仅限金卡及以上, 每人限兑 / 本月限兑, 已下架', () => {
    expect(mallItemState({ ...item, redeemedCount: 10 }, viewer())).toMatchObject({ state: 'sold_out', reason: '已兑完' })
    expect(mallItemState({ ...item, minTierCode: 'gold' }, viewer())).toMatchObject({ state: 'tier_locked', reason: '仅限金卡及以上' })
    expect(mallItemState({ ...item, minTierCode: 'gold' }, viewer({ memberTierCode: 'diamond' })).state).toBe('redeemable')
    expect(mallItemState(item, viewer({ redeemedByMe: 1 }))).toMatchObject({ state: 'limit_reached', reason: '每人限兑 1 件' })
    expect(mallItemState({ ...item, perMemberLimit: 2, limitPeriod: 'month' }, viewer({ redeemedByMe: 2 })).reason).toBe('本月限兑 2 件')
    expect(mallItemState({ ...item, perMemberLimit: null }, viewer({ redeemedByMe: 50 })).state).toBe('redeemable')
    expect(mallItemState({ ...item, status: 'stopped' }, viewer())).toMatchObject({ state: 'ended', reason: '已下架' })
    expect(limitText(3, 'total')).toBe('每人限兑 3 件')
  })
})

describe('the quota period', () => {
  it('is the store-time month for monthly limits: 23:59:59 on the 30th vs 00:00:00 on the 1st', () => {
    expect(periodKey('month', sh('2026-11-30T23:59:59'), ZONE)).toBe('2026-11')
    expect(periodKey('month', sh('2026-12-01T00:00:00'), ZONE)).toBe('2026-12')
    // 16:00 UTC on the 30th is already December in Shanghai.
    expect(periodKey('month', new Date('2026-11-30T16:00:00Z'), ZONE)).toBe('2026-12')
    expect(periodKey('total', sh('2026-12-01T00:00:00'), ZONE)).toBe('total')
  })
})

describe('the pick-up window', () => {
  it('runs through 23:59:59 of the Nth day after the redemption day, store time', () => {
    const bound = pickupExpiresAt(sh('2026-11-23T23:59:59'), ZONE, 7)
    expect(bound.toISOString()).toBe(sh('2026-12-01T00:00:00').toISOString())
    expect(pickupExpired(bound, sh('2026-11-30T23:59:59'))).toBe(false)
    expect(pickupExpired(bound, sh('2026-12-01T00:00:00'))).toBe(true)
    // One second later the redemption day is the 24th: a day more.
    expect(pickupExpiresAt(sh('2026-11-24T00:00:00'), ZONE, 7).toISOString()).toBe(sh('2026-12-02T00:00:00').toISOString())
  })

  it('refuses a non-positive number of days', () => {
    expect(() => pickupExpiresAt(sh('2026-11-23T10:00:00'), ZONE, 0)).toThrow(RangeError)
  })
})

describe('pick-up codes', () => {
  it('are P1 and 20 digits, with bytes ≥ 250 rejected so every digit is uniform', () => {
    const bytes = [255, 250, 249, 0, ...Array(100).fill(3)]
    expect(newPickupCode((n) => Uint8Array.from(bytes.slice(0, n)))).toBe('P1' + '90' + '3'.repeat(18))
  })

  it('route through the one scanner as a pick-up, typed with spaces or in lower case', () => {
    expect(routeScannedCode(' p1 1234 5678-9012 3456 7890 ')).toEqual({ kind: 'pickup', code: 'P112345678901234567890' })
    expect(routeScannedCode('P11234')).toEqual({ kind: 'unknown' })
    expect(routeScannedCode('C112345678901234567890').kind).toBe('coupon')
  })
})
