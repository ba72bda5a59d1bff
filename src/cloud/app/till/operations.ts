import { staffConfirmPickup } from './staff-confirm-pickup'
import { staffLookupMember } from './staff-lookup-member'
import { staffPreviewCoupon } from './staff-preview-coupon'
import { staffPreviewPickup } from './staff-preview-pickup'
import { staffPreviewRefund } from './staff-preview-refund'
import { staffRecordPurchase } from './staff-record-purchase'
import { staffRefundPurchase } from './staff-refund-purchase'
import { staffReturnPickup } from './staff-return-pickup'
import { staffVerifyCoupon } from './staff-verify-coupon'
import { staffVoidCouponVerification } from './staff-void-coupon-verification'

/**
 * The till (staff): look a member up by code, record a purchase (with a coupon), preview and verify a scanned
 * coupon, void a verification and refund a purchase (managers);
 * hand over a points-mall gift (pick-up) and take one back (managers).
 */
export const tillOperations = [
  staffLookupMember,
  staffRecordPurchase,
  staffPreviewCoupon,
  staffVerifyCoupon,
  staffVoidCouponVerification,
  staffPreviewRefund,
  staffRefundPurchase,
  staffPreviewPickup,
  staffConfirmPickup,
  staffReturnPickup,
]
