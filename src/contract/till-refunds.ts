import { z } from 'zod'
import { MEMBER_COUPON_STATUSES } from './enums'
import { text, tierView } from './fields'
import { receiptNo } from './till'

/**
 * Refunds at the till (managers): a recorded purchase is refunded in full, once. Its points and growth are
 * reversed by new ledger entries; points the member has already spent are not taken back (the balance never goes
 * below zero), and the preview shows that difference before the manager confirms.
 */

export const refundView = z.object({
  receiptNo: z.string(),
  memberNickname: z.string(),
  memberPhoneMasked: z.string(),
  paidFen: z.number().int(),
  purchasedAt: z.string(),
  pointsEarned: z.number().int(),
  /** Points taken back: the earned points, or the balance when the member has spent some of them. */
  pointsToReverse: z.number().int(),
  /** Earned points already spent: not taken back. */
  pointsShortfall: z.number().int(),
  growthToReverse: z.number().int(),
  tierBefore: tierView,
  tierAfter: tierView,
  /** The coupon verified on the purchase and what the refund does with it, or null. */
  coupon: z.object({ name: z.string(), returnsAs: z.enum(MEMBER_COUPON_STATUSES).nullable() }).nullable(),
  /** When it was refunded, and by whom; null in a preview of a purchase not yet refunded. */
  refundedAt: z.string().nullable(),
  refundedBy: z.string().nullable(),
})
export type RefundView = z.infer<typeof refundView>

export const tillRefundsApi = {
  /** What a refund of this receipt would do (or did, when it is already refunded). */
  staffPreviewRefund: {
    input: z.object({ receiptNo }).strict(),
    output: z.object({ refund: refundView, alreadyRefunded: z.boolean() }),
  },
  /** Refunds the receipt once: a repeat (a retry, a second manager) returns the first refund with alreadyRefunded. */
  staffRefundPurchase: {
    input: z.object({ receiptNo, reason: text({ label: '退款原因', max: 60 }) }).strict(),
    output: z.object({ refund: refundView, alreadyRefunded: z.boolean() }),
  },
} as const
