/**
 * Fakes for the coupon and birthday pages, each parsed by the contract's output schema so a page test can only
 * be fed what the real server may answer.
 */
import { birthdayApi, type BirthdayGiftView, type BirthdayPageView } from '../../src/contract/birthday'
import { couponsApi, type ClaimableCouponView, type MemberCouponView } from '../../src/contract/coupons'
import type { CouponTemplateView } from '../../src/contract/coupon-templates'
import type { ApiOutput } from '../../src/contract'
import { amountOff30, tiers } from './fixtures'

export const COUPON_CODE = 'C112345678901234567890'

export function aMemberCoupon(over: Partial<MemberCouponView> = {}): MemberCouponView {
  return {
    id: '101',
    ...amountOff30,
    description: null,
    minTier: null,
    channel: 'claim',
    validFrom: '2026-11-01T00:00:00.000+08:00',
    validTo: '2099-11-30T15:59:59.999Z',
    state: 'usable',
    reason: null,
    usedAt: null,
    ...over,
  }
}

export function aClaimable(over: Partial<ClaimableCouponView> = {}): ClaimableCouponView {
  return {
    ...amountOff30,
    description: null,
    minTier: null,
    templateId: '11',
    validity: { kind: 'days', validFrom: null, validTo: null, validDays: 7 },
    claimStartsAt: null,
    claimEndsAt: null,
    remaining: 40,
    totalQuantity: 100,
    perMemberLimit: 1,
    claimedByMe: 0,
    state: 'claimable',
    reason: null,
    ...over,
  }
}

/** A template as the console edits it: 满200减30, 30 days after claiming, unlimited and not yet claimed. */
export function aCouponTemplate(over: Partial<CouponTemplateView> = {}): CouponTemplateView {
  return {
    id: '7',
    ...amountOff30,
    description: null,
    validity: { kind: 'days', from: null, to: null, days: 30 },
    claimFrom: null,
    claimTo: null,
    totalQuantity: null,
    claimedCount: 0,
    usedCount: 0,
    perMemberLimit: 1,
    minTierCode: null,
    channel: 'claim',
    birthdayTierCode: null,
    status: 'active',
    updatedAt: '2026-11-20T06:03:00.000Z',
    ...over,
  }
}

export const goldOnly = { minTier: tiers.gold }

export const claimableList = (coupons: ClaimableCouponView[]): ApiOutput<'listClaimableCoupons'> =>
  couponsApi.listClaimableCoupons.output.parse({ coupons })

export const claimed = (coupon: MemberCouponView, repeated = false): ApiOutput<'claimCoupon'> =>
  couponsApi.claimCoupon.output.parse({ coupon, repeated })

export const walletPage = (
  coupons: MemberCouponView[],
  counts: { usable: number; used: number; expired: number },
  nextCursor: string | null = null,
): ApiOutput<'listMyCoupons'> => couponsApi.listMyCoupons.output.parse({ coupons, counts, nextCursor })

export const oneCoupon = (coupon: MemberCouponView): ApiOutput<'getMyCoupon'> => couponsApi.getMyCoupon.output.parse({ coupon })

export function aGift(over: Partial<BirthdayGiftView> = {}): BirthdayGiftView {
  return {
    year: 2026,
    issuedAt: '2026-11-01T01:00:00.000Z',
    coupon: aMemberCoupon({ id: '301', name: '生日券', channel: 'birthday', thresholdFen: 0, amountOffFen: 5000, validTo: '2026-11-30T15:59:59.999Z' }),
    points: 100,
    ...over,
  }
}

export function birthdayPage(over: Partial<BirthdayPageView> = {}): BirthdayPageView {
  return birthdayApi.getMyBirthday.output.parse({
    birthday: null,
    canSet: true,
    inBirthMonth: false,
    monthEndsAt: null,
    thisYear: null,
    history: [],
    note: null,
    ...over,
  })
}
