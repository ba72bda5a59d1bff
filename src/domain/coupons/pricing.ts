import type { CouponKind } from '../../contract/enums'

/**
 * LOCAL STUB (helper H5) of the lead's pricing rules, coded against the shared names until main has them.
 * Tier discount first, then at most one coupon; the coupon's threshold is checked against the amount after the
 * tier discount; discounts round half up to the fen and never exceed what is payable.
 */
export interface CouponTerms {
  kind: CouponKind
  thresholdFen: number
  amountOffFen: number | null
  discountPct: number | null
  maxDiscountFen: number | null
  giftName: string | null
}

export interface TillPrice {
  grossFen: number
  tierDiscountFen: number
  afterTierFen: number
  couponDiscountFen: number
  paidFen: number
  shortFen: number | null
}

export function priceAtTill(p: { grossFen: number; tierDiscountPct: number | null; coupon: CouponTerms | null }): TillPrice {
  const { grossFen } = p
  const tierDiscountFen = p.tierDiscountPct === null ? 0 : grossFen - Math.round((grossFen * p.tierDiscountPct) / 100)
  const afterTierFen = grossFen - tierDiscountFen
  const c = p.coupon
  if (!c) return { grossFen, tierDiscountFen, afterTierFen, couponDiscountFen: 0, paidFen: afterTierFen, shortFen: null }
  if (afterTierFen < c.thresholdFen) {
    return { grossFen, tierDiscountFen, afterTierFen, couponDiscountFen: 0, paidFen: afterTierFen, shortFen: c.thresholdFen - afterTierFen }
  }
  let off = 0
  if (c.kind === 'amount_off') off = c.amountOffFen ?? 0
  if (c.kind === 'percent_off' && c.discountPct !== null) {
    off = afterTierFen - Math.round((afterTierFen * c.discountPct) / 100)
    if (c.maxDiscountFen !== null) off = Math.min(off, c.maxDiscountFen)
  }
  const couponDiscountFen = Math.min(off, afterTierFen)
  return { grossFen, tierDiscountFen, afterTierFen, couponDiscountFen, paidFen: afterTierFen - couponDiscountFen, shortFen: null }
}

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2))

export function couponFaceText(t: CouponTerms): string {
  if (t.kind === 'amount_off') return `¥${yuan(t.amountOffFen ?? 0)}`
  if (t.kind === 'percent_off') return `${((t.discountPct ?? 100) / 10).toString()}折`
  return '兑换'
}

export function couponConditionText(t: CouponTerms): string {
  if (t.kind === 'gift') return t.giftName ?? '兑换礼品'
  return t.thresholdFen > 0 ? `满${yuan(t.thresholdFen)}可用` : '无门槛'
}
