import type { ApiOutput, CardView, CouponTermsView, StaffMemberView, TierView, TillCouponView } from '../../src/contract'

export const tiers: Record<'normal' | 'silver' | 'gold' | 'diamond', TierView> = {
  normal: { code: 'normal', name: '普通会员', minGrowth: 0, discountPct: 90 },
  silver: { code: 'silver', name: '银卡', minGrowth: 1000, discountPct: 85 },
  gold: { code: 'gold', name: '金卡', minGrowth: 5000, discountPct: 80 },
  diamond: { code: 'diamond', name: '钻石', minGrowth: 20000, discountPct: 75 },
}

export function aCard(over: Partial<CardView> = {}): CardView {
  return {
    memberNo: 'M00000042',
    nickname: '小林',
    phoneMasked: '138****5678',
    birthday: { month: 3, day: 8 },
    tier: tiers.silver,
    nextTier: tiers.gold,
    growthToNext: 3200,
    spendToNextFen: 320000,
    pointsBalance: 1280,
    pointsExpiry: null,
    growth: 1800,
    openedAt: '2026-01-02T03:04:05.000Z',
    storeName: '晨光咖啡',
    usableCouponCount: 0,
    birthdayMonth: null,
    ...over,
  }
}

export function aStaffMember(over: Partial<StaffMemberView> = {}): StaffMemberView {
  return {
    memberNo: 'M00000042',
    nickname: '小林',
    phoneMasked: '138****5678',
    tier: tiers.silver,
    pointsBalance: 1280,
    growth: 1800,
    ...over,
  }
}

export const CODE = '123456789012345678901234'

/** What staffLookupMember hands the till: the member, and a ticket to record with for the next 10 minutes. */
export function aLookup(over: Partial<ApiOutput<'staffLookupMember'>> = {}): ApiOutput<'staffLookupMember'> {
  return {
    member: aStaffMember(),
    ticket: 'ticket-1',
    coupons: [],
    birthdayCoupon: false,
    tierDiscountPct: null,
    pickups: [],
    eventEntries: [],
    ticketExpiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    ...over,
  }
}

export function aCode(over: Partial<ApiOutput<'getMemberCode'>> = {}): ApiOutput<'getMemberCode'> {
  const now = Date.now()
  return { code: CODE, issuedAt: new Date(now).toISOString(), refreshAt: new Date(now + 60_000).toISOString(), ...over }
}

/** 满200减30: the terms every coupon fixture starts from (a member's coupon, the till's, a template). */
export const amountOff30: Pick<CouponTermsView, 'name' | 'kind' | 'thresholdFen' | 'amountOffFen' | 'discountPct' | 'maxDiscountFen' | 'giftName'> = {
  name: '满200减30',
  kind: 'amount_off',
  thresholdFen: 20000,
  amountOffFen: 3000,
  discountPct: null,
  maxDiscountFen: null,
  giftName: null,
}

/** A coupon as the till sees it (staffLookupMember's list, staffPreviewCoupon): ¥30 off above ¥200, usable. */
export function aTillCoupon(over: Partial<TillCouponView> = {}): TillCouponView {
  return {
    id: '501',
    ...amountOff30,
    minTier: null,
    validFrom: '2026-11-01T00:00:00.000Z',
    validTo: '2026-12-31T15:59:59.999Z',
    state: 'usable',
    reason: null,
    birthday: false,
    ...over,
  }
}

/** staffRecordPurchase's answer for an amount with no discount; `over` adds the discounts and the coupon. */
export function aPurchase(amountFen: number, over: Partial<ApiOutput<'staffRecordPurchase'>> = {}): ApiOutput<'staffRecordPurchase'> {
  const paidFen = over.paidFen ?? amountFen
  const points = Math.floor(paidFen / 100)
  return {
    alreadyRecorded: false,
    grossFen: amountFen,
    tierDiscountFen: 0,
    couponDiscountFen: 0,
    paidFen,
    coupon: null,
    pointsEarned: points,
    growthEarned: points,
    promotedTo: null,
    member: aStaffMember({ pointsBalance: 1280 + points }),
    ...over,
  }
}
