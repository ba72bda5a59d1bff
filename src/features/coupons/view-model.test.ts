import type { ClaimableCouponView } from '../../contract/coupons'
import {
  afterClaim,
  claimableValidityText,
  claimButton,
  couponConditionText,
  couponFaceText,
  couponValidityText,
  expiryHint,
  formatCouponCode,
  showsCode,
  stateAfterClaimError,
  stockView,
  tabTitle,
  walletStatus,
} from './view-model'

const terms = { thresholdFen: 0, amountOffFen: null, discountPct: null, maxDiscountFen: null, giftName: null }
// 2026-11-20 10:00 in the store's zone (UTC+8).
const NOW = Date.parse('2026-11-20T02:00:00.000Z')

describe('coupon face and condition', () => {
  it('says 满减 as ¥ with the threshold, 无门槛 without one', () => {
    expect(couponFaceText({ ...terms, kind: 'amount_off', amountOffFen: 3000, thresholdFen: 20000 })).toBe('¥30')
    expect(couponConditionText({ ...terms, kind: 'amount_off', amountOffFen: 3000, thresholdFen: 20000 })).toBe('满200可用')
    expect(couponFaceText({ ...terms, kind: 'amount_off', amountOffFen: 1250 })).toBe('¥12.5')
    expect(couponConditionText({ ...terms, kind: 'amount_off', amountOffFen: 500, thresholdFen: 19999 })).toBe('满199.99可用')
    expect(couponConditionText({ ...terms, kind: 'amount_off', amountOffFen: 500 })).toBe('无门槛')
  })

  it('says 折扣 as 8.8折 (85 → 8.5折, 80 → 8折), with its cap', () => {
    expect(couponFaceText({ ...terms, kind: 'percent_off', discountPct: 88 })).toBe('8.8折')
    expect(couponFaceText({ ...terms, kind: 'percent_off', discountPct: 85 })).toBe('8.5折')
    expect(couponFaceText({ ...terms, kind: 'percent_off', discountPct: 80 })).toBe('8折')
    expect(couponConditionText({ ...terms, kind: 'percent_off', discountPct: 88, thresholdFen: 10000, maxDiscountFen: 5000 })).toBe('满100可用，最多减¥50')
  })

  it('says 兑换 with the gift name', () => {
    expect(couponFaceText({ ...terms, kind: 'gift', giftName: '拿铁一杯' })).toBe('兑换')
    expect(couponConditionText({ ...terms, kind: 'gift', giftName: '拿铁一杯' })).toBe('拿铁一杯')
  })
})

describe('validity in the store zone', () => {
  const base = { usedAt: null }
  it('shows the last minute of the last day (23:59:59.999 store time is 15:59:59.999 UTC)', () => {
    expect(couponValidityText({ ...base, state: 'usable', validFrom: '2026-11-01T00:00:00+08:00', validTo: '2026-11-30T15:59:59.999Z' }, NOW)).toBe(
      '有效期至 11-30 23:59',
    )
    // Another year shows its year.
    expect(couponValidityText({ ...base, state: 'usable', validFrom: '2026-11-01T00:00:00+08:00', validTo: '2027-01-05T15:59:59.999Z' }, NOW)).toBe(
      '有效期至 2027-01-05 23:59',
    )
  })

  it('names the window of a coupon not usable yet, when a used one was used, when an expired one ended', () => {
    expect(couponValidityText({ ...base, state: 'not_yet', validFrom: '2026-11-20T16:00:00.000Z', validTo: '2026-11-30T15:59:59.999Z' }, NOW)).toBe(
      '11-21 00:00 至 11-30 23:59',
    )
    expect(couponValidityText({ state: 'used', usedAt: '2026-11-19T06:03:00.000Z', validFrom: '', validTo: '2026-11-30T15:59:59.999Z' }, NOW)).toBe('11-19 14:03 已使用')
    expect(couponValidityText({ ...base, state: 'expired', validFrom: '', validTo: '2026-11-10T15:59:59.999Z' }, NOW)).toBe('已于 11-10 23:59 过期')
  })

  it('warns when a coupon ends within 3 store days, counting calendar days in the store zone', () => {
    expect(expiryHint('2026-11-20T15:59:59.999Z', NOW)).toBe('今天到期')
    // 23:59:59 store time on the 20th: still today; a second later (00:00:00 on the 21st) the 21st's end is 明天.
    expect(expiryHint('2026-11-21T15:59:59.999Z', Date.parse('2026-11-20T15:59:59.000Z'))).toBe('明天到期')
    expect(expiryHint('2026-11-21T15:59:59.999Z', Date.parse('2026-11-20T16:00:00.000Z'))).toBe('今天到期')
    expect(expiryHint('2026-11-23T15:59:59.999Z', NOW)).toBe('3天后到期')
    expect(expiryHint('2026-11-24T15:59:59.999Z', NOW)).toBeNull()
    expect(expiryHint('2026-11-19T15:59:59.999Z', NOW)).toBeNull()
  })

  it('describes a template window as dates, or days from the claim', () => {
    expect(claimableValidityText({ kind: 'fixed', validFrom: '2026-11-01', validTo: '2026-11-30', validDays: null }, NOW)).toBe('11.01-11.30 可用')
    expect(claimableValidityText({ kind: 'fixed', validFrom: '2026-12-20', validTo: '2027-01-10', validDays: null }, NOW)).toBe('12.20-2027.01.10 可用')
    expect(claimableValidityText({ kind: 'days', validFrom: null, validTo: null, validDays: 7 }, NOW)).toBe('领取后 7 天内有效')
  })
})

describe('领券中心', () => {
  const c = (over: Partial<ClaimableCouponView> = {}): ClaimableCouponView => ({
    ...terms,
    name: '满200减30',
    kind: 'amount_off',
    amountOffFen: 3000,
    thresholdFen: 20000,
    description: null,
    minTier: null,
    templateId: '1',
    validity: { kind: 'days', validFrom: null, validTo: null, validDays: 7 },
    claimStartsAt: null,
    claimEndsAt: null,
    remaining: 10,
    totalQuantity: 100,
    perMemberLimit: 1,
    claimedByMe: 0,
    state: 'claimable',
    reason: null,
    ...over,
  })

  it('shows remaining stock with the share claimed; unlimited shows none', () => {
    expect(stockView(c())).toEqual({ text: '剩余 10 张', claimedPercent: 90 })
    expect(stockView(c({ remaining: 0 }))).toEqual({ text: '已抢光', claimedPercent: 100 })
    expect(stockView(c({ remaining: null, totalQuantity: null }))).toEqual({ text: null, claimedPercent: null })
  })

  it('labels each state, with the reason when it says more', () => {
    expect(claimButton(c())).toEqual({ label: '立即领取', enabled: true, reason: null })
    expect(claimButton(c({ state: 'claimed', reason: '已领' }))).toEqual({ label: '已领取', enabled: false, reason: '已领' })
    expect(claimButton(c({ state: 'sold_out', reason: '已抢光' }))).toEqual({ label: '已抢光', enabled: false, reason: null })
    expect(claimButton(c({ state: 'not_started', reason: '12月1日 10:00 开抢' }))).toEqual({ label: '未开始', enabled: false, reason: '12月1日 10:00 开抢' })
    expect(claimButton(c({ state: 'tier_locked', reason: '仅限金卡及以上', minTier: { code: 'gold', name: '金卡', minGrowth: 5000, discountPct: 80 } }))).toEqual({
      label: '仅限金卡',
      enabled: false,
      reason: null,
    })
    expect(claimButton(c({ state: 'ended', reason: '已结束' })).enabled).toBe(false)
  })

  it('after a claim: mine + 1, stock − 1, 已领 at the per-member limit', () => {
    expect(afterClaim(c())).toMatchObject({ claimedByMe: 1, remaining: 9, state: 'claimed', reason: '已领取' })
    expect(afterClaim(c({ perMemberLimit: 2, claimedByMe: 1 }))).toMatchObject({ claimedByMe: 2, state: 'claimed', reason: '已领 2 张' })
    expect(afterClaim(c({ perMemberLimit: 3 }))).toMatchObject({ claimedByMe: 1, remaining: 9, state: 'claimable', reason: null })
    expect(afterClaim(c({ perMemberLimit: 3, remaining: 1 }))).toMatchObject({ remaining: 0, state: 'sold_out' })
    expect(afterClaim(c({ remaining: null, totalQuantity: null, perMemberLimit: 2 }))).toMatchObject({ remaining: null, state: 'claimable' })
  })

  it('maps a refused claim to the state to show until the list reloads', () => {
    expect(stateAfterClaimError('COUPON_SOLD_OUT')).toBe('sold_out')
    expect(stateAfterClaimError('COUPON_LIMIT_REACHED')).toBe('claimed')
    expect(stateAfterClaimError('NETWORK_ERROR')).toBeNull()
  })
})

describe('wallet and detail', () => {
  it('greys a coupon that cannot be used now and says why', () => {
    expect(walletStatus({ state: 'usable', reason: null })).toEqual({ greyed: false, note: null })
    expect(walletStatus({ state: 'usable', reason: '仅限金卡' })).toEqual({ greyed: true, note: '仅限金卡' })
    expect(walletStatus({ state: 'not_yet', reason: '明天起可用' })).toEqual({ greyed: true, note: '明天起可用' })
    expect(walletStatus({ state: 'expired', reason: null })).toEqual({ greyed: true, note: '已过期' })
  })

  it('shows the code only for a coupon usable now', () => {
    expect(showsCode({ state: 'usable', reason: null, code: 'C112345678901234567890' })).toBe(true)
    expect(showsCode({ state: 'usable', reason: '仅限金卡', code: 'C112345678901234567890' })).toBe(false)
    expect(showsCode({ state: 'used', reason: '已于 11-20 14:03 核销', code: 'C112345678901234567890' })).toBe(false)
    expect(showsCode({ state: 'usable', reason: null })).toBe(false)
  })

  it('groups the code after its typed prefix', () => {
    expect(formatCouponCode('C112345678901234567890')).toBe('C1 1234 5678 9012 3456 7890')
  })

  it('titles the tabs with counts', () => {
    expect(tabTitle('可用', 3)).toBe('可用 3')
    expect(tabTitle('已使用', 0)).toBe('已使用')
    expect(tabTitle('已过期', 120)).toBe('已过期 99+')
  })
})
