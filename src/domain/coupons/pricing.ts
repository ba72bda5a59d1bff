import type { CouponKind } from '../../contract/enums'

/**
 * The till's arithmetic, in integer fen. The order is fixed: the member's tier discount first, then at most one
 * coupon, judged against the amount after the tier discount.
 *
 * Rounding rule (one, everywhere): a percentage discount is rounded to the nearest fen, a half fen in the
 * member's favour (round half up on the discount). 8.5折 on ¥99.00: discount 1485 fen, pay ¥84.15.
 *
 * A discount never exceeds what is payable, so the amount paid is never negative; ¥0 is a valid payment.
 */

export interface CouponTerms {
  kind: CouponKind
  thresholdFen: number
  amountOffFen: number | null
  discountPct: number | null
  maxDiscountFen: number | null
  giftName?: string | null
}

export interface TillPrice {
  grossFen: number
  tierDiscountFen: number
  afterTierFen: number
  couponDiscountFen: number
  paidFen: number
  /** Missing to reach the coupon's threshold ("还差 ¥12.00 可用"); the coupon then takes nothing off. */
  shortFen: number | null
}

/** `pct` is the percentage paid (90 = 9折); the discount is the rest, rounded half up to the fen. */
export function percentDiscountFen(amountFen: number, pct: number): number {
  assertFen(amountFen)
  if (!Number.isInteger(pct) || pct < 1 || pct > 100) throw new RangeError('pct must be an integer 1–100')
  return Math.floor((amountFen * (100 - pct) + 50) / 100)
}

/** What one coupon takes off an amount (after the tier discount), or why it does not apply. */
export function couponDiscount(amountFen: number, coupon: CouponTerms): { discountFen: number; shortFen: number | null } {
  assertFen(amountFen)
  if (amountFen < coupon.thresholdFen) return { discountFen: 0, shortFen: coupon.thresholdFen - amountFen }
  switch (coupon.kind) {
    case 'amount_off':
      return { discountFen: Math.min(coupon.amountOffFen ?? 0, amountFen), shortFen: null }
    case 'percent_off': {
      const raw = percentDiscountFen(amountFen, coupon.discountPct ?? 100)
      const capped = coupon.maxDiscountFen === null ? raw : Math.min(raw, coupon.maxDiscountFen)
      return { discountFen: Math.min(capped, amountFen), shortFen: null }
    }
    case 'gift':
      // A gift is handed over, not taken off the bill.
      return { discountFen: 0, shortFen: null }
  }
}

/** `tierDiscountPct` null: the store's POS already applied it (the amount entered is the member price). */
export function priceAtTill(input: { grossFen: number; tierDiscountPct: number | null; coupon: CouponTerms | null }): TillPrice {
  const { grossFen, tierDiscountPct, coupon } = input
  assertFen(grossFen)
  const tierDiscountFen = tierDiscountPct === null ? 0 : percentDiscountFen(grossFen, tierDiscountPct)
  const afterTierFen = grossFen - tierDiscountFen
  const { discountFen, shortFen } = coupon ? couponDiscount(afterTierFen, coupon) : { discountFen: 0, shortFen: null }
  return { grossFen, tierDiscountFen, afterTierFen, couponDiscountFen: discountFen, paidFen: afterTierFen - discountFen, shortFen }
}

/** ¥ with at most two decimals and no trailing zeros: 3000 → '30', 1250 → '12.5', 1999 → '19.99'. */
export function yuanText(fen: number): string {
  return String(Number((fen / 100).toFixed(2)))
}

/** The big text on a coupon: '¥30', '8.8折', '兑换'. */
export function couponFaceText(terms: CouponTerms): string {
  if (terms.kind === 'amount_off') return `¥${yuanText(terms.amountOffFen ?? 0)}`
  if (terms.kind === 'percent_off') return `${String((terms.discountPct ?? 100) / 10)}折`
  return '兑换'
}

/** The line under it: '满200可用' / '无门槛' (with '最多减¥50' for a capped 折扣), or the gift's name. */
export function couponConditionText(terms: CouponTerms): string {
  if (terms.kind === 'gift') return terms.giftName ?? '兑换礼品'
  const base = terms.thresholdFen > 0 ? `满${yuanText(terms.thresholdFen)}可用` : '无门槛'
  return terms.kind === 'percent_off' && terms.maxDiscountFen !== null ? `${base}，最多减¥${yuanText(terms.maxDiscountFen)}` : base
}

/** "还差 ¥12.00 可用". */
export function shortText(shortFen: number): string {
  return `还差 ¥${(shortFen / 100).toFixed(2)} 可用`
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError('amounts are non-negative integers in fen')
}
