import type { ApiOutput } from '../../contract'
import type { StaffMemberView } from '../../contract/till'
import type { TillCouponView } from '../../contract/till-coupons'

/** The server's answer, with what the clerk sent, so the success panel can echo the amount and the receipt. */
export type RecordResult = ApiOutput<'staffRecordPurchase'> & { amountFen: number; receiptNo: string }
export type CouponPreview = ApiOutput<'staffPreviewCoupon'>
export type VerifyResult = ApiOutput<'staffVerifyCoupon'>

export interface TillState {
  /** code: the one scanner; member: a looked-up member; coupon: a scanned coupon; done / verified: the results. */
  step: 'code' | 'member' | 'coupon' | 'done' | 'verified'
  codeText: string
  amountText: string
  receiptText: string
  /**
   * The lookup's ticket: the purchase is recorded against exactly the member that was looked up, by this clerk,
   * and keeps working for a while after the member's code has rotated (a long checkout, a retry after a timeout).
   */
  ticket: string | null
  member: StaffMemberView | null
  coupons: TillCouponView[]
  birthdayCoupon: boolean
  /** From the lookup or the coupon preview: the tier discount the till takes off first (null: the POS did). */
  tierDiscountPct: number | null
  /** The member's coupon the clerk applies to this purchase (one at most). */
  selectedCouponId: string | null
  /** A scanned coupon's code and what the server said about it. */
  couponCode: string | null
  preview: CouponPreview | null
  /** On a scanned coupon: just the preview, or 随单使用 (amount + receipt). */
  couponMode: 'preview' | 'purchase'
  /** The open confirmation: 核销 or 撤销核销. */
  confirm: 'verify' | 'void' | null
  voidReason: string
  /**
   * The 核销 confirm's idempotency key: made when the clerk confirms and kept until the server answers for sure,
   * so a retry after a timeout repeats the same request and gets the first result back.
   */
  verifyRequestId: string | null
  result: RecordResult | null
  verified: VerifyResult | null
  error: string | null
  busy: 'lookup' | 'record' | 'verify' | 'void' | null
}

export const initialTill: TillState = {
  step: 'code',
  codeText: '',
  amountText: '',
  receiptText: '',
  ticket: null,
  member: null,
  coupons: [],
  birthdayCoupon: false,
  tierDiscountPct: null,
  selectedCouponId: null,
  couponCode: null,
  preview: null,
  couponMode: 'preview',
  confirm: null,
  voidReason: '',
  verifyRequestId: null,
  result: null,
  verified: null,
  error: null,
  busy: null,
}
