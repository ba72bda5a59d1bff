import type { CouponKind } from '../../../contract'
import type { CouponTerms } from '../../../domain/coupons/pricing'

/** The terms columns a template and each coupon issued from it carry (a coupon keeps the terms it was issued with). */
export interface TermsColumns {
  kind: string
  thresholdFen: number
  amountOffFen: number | null
  discountPct: number | null
  maxDiscountFen: number | null
  giftName: string | null
}

/** What a stored template or coupon gives: for every view of it (member, till, console) and for the till's price. */
export function termsOf(row: TermsColumns): Required<CouponTerms> {
  return {
    // The column is checked against COUPON_KINDS by the database; the row type only knows it as text.
    kind: row.kind as CouponKind,
    thresholdFen: row.thresholdFen,
    amountOffFen: row.amountOffFen,
    discountPct: row.discountPct,
    maxDiscountFen: row.maxDiscountFen,
    giftName: row.giftName,
  }
}
