import type { ApiOutput } from '../../contract'
import type { StaffMemberView } from '../../contract/till'
import type { TillCouponView } from '../../contract/till-coupons'
import type { TillPickupView } from '../../contract/till-pickups'
import type { DoorEntryView } from '../../contract/event-door'

/** The server's answer, with what the clerk sent, so the success panel can echo the amount and the receipt. */
export type RecordResult = ApiOutput<'staffRecordPurchase'> & { amountFen: number; receiptNo: string }
export type CouponPreview = ApiOutput<'staffPreviewCoupon'>
export type VerifyResult = ApiOutput<'staffVerifyCoupon'>
export type PickupPreview = ApiOutput<'staffPreviewPickup'>
export type TicketPreview = ApiOutput<'staffPreviewTicket'>
/** A check-in made here: the entry as it is now and the line to show ("签到成功 · +50 积分"). */
export interface CheckInDone {
  entry: DoorEntryView
  text: string
}

export interface TillState {
  /**
   * code: the one scanner; member: a looked-up member; coupon: a scanned coupon; pickup: a scanned pick-up code
   * (its panel shows 已交付 once handed over); ticket: a scanned event ticket (E1…); done / verified: the results.
   */
  step: 'code' | 'member' | 'coupon' | 'pickup' | 'ticket' | 'done' | 'verified'
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
  /** The looked-up member's gifts waiting to be picked up (待领取), each handed over with its own code. */
  pickups: TillPickupView[]
  /** From the lookup or the coupon preview: the tier discount the till takes off first (null: the POS did). */
  tierDiscountPct: number | null
  /** The member's coupon the clerk applies to this purchase (one at most). */
  selectedCouponId: string | null
  /** A scanned coupon's code and what the server said about it. */
  couponCode: string | null
  preview: CouponPreview | null
  /** On a scanned coupon: just the preview, or 随单使用 (amount + receipt). */
  couponMode: 'preview' | 'purchase'
  /** A scanned pick-up (or one picked from the member's list) and what the server said about it. */
  pickupCode: string | null
  pickup: PickupPreview | null
  /** The pick-up just handed over here (已交付), and whether a retry returned the first hand-over. */
  delivered: { pickup: TillPickupView; repeated: boolean } | null
  /** The 确认交付 confirm's idempotency key, kept while the answer is unknown (as verifyRequestId). */
  pickupRequestId: string | null
  returnReason: string
  /** A scanned event ticket's code and its preview (event, masked member, whether it can be checked in). */
  eventTicketCode: string | null
  ticketPreview: TicketPreview | null
  /** The looked-up member's registrations whose check-in is open, each with its 签到 button. */
  eventEntries: DoorEntryView[]
  /** The last check-in made here (from the ticket panel or the member's list). */
  checkedIn: CheckInDone | null
  /**
   * The 签到 tap's idempotency key and what it was for (the ticket code or the event id), kept while the answer is
   * unknown so a retry after a timeout is the same request.
   */
  checkInRequest: { key: string; requestId: string } | null
  /** The open confirmation: 核销, 撤销核销, 确认交付 or a manager's 退回. */
  confirm: 'verify' | 'void' | 'pickup' | 'return' | null
  voidReason: string
  /**
   * The 核销 confirm's idempotency key: made when the clerk confirms and kept until the server answers for sure,
   * so a retry after a timeout repeats the same request and gets the first result back.
   */
  verifyRequestId: string | null
  result: RecordResult | null
  verified: VerifyResult | null
  error: string | null
  busy: 'lookup' | 'record' | 'verify' | 'void' | 'pickup' | 'return' | 'checkin' | null
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
  pickups: [],
  tierDiscountPct: null,
  selectedCouponId: null,
  couponCode: null,
  preview: null,
  couponMode: 'preview',
  pickupCode: null,
  pickup: null,
  delivered: null,
  pickupRequestId: null,
  returnReason: '',
  eventTicketCode: null,
  ticketPreview: null,
  eventEntries: [],
  checkedIn: null,
  checkInRequest: null,
  confirm: null,
  voidReason: '',
  verifyRequestId: null,
  result: null,
  verified: null,
  error: null,
  busy: null,
}
