import { writeAudit } from '../../db/repositories/audit-log'
import { findMemberById } from '../../db/repositories/coupon-verifications'
import { defineOperation } from '../operation'
import { planRefund, purchaseOrThrow, toRefundView } from './refund-plan'

/**
 * What refunding a receipt would do, shown to the manager before confirming: the points taken back and the
 * points already spent that are forgiven (the balance never goes below zero), the growth, the tier after, the
 * coupon returned. For a receipt already refunded: what that refund did. A staff read of member data: audited.
 */
export const staffPreviewRefund = defineOperation({
  name: 'staffPreviewRefund',
  access: { staff: ['manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const purchase = await purchaseOrThrow(ctx, input.receiptNo)
    const member = await findMemberById(ctx.tx, ctx.store.id, purchase.memberId)
    if (!member) throw new Error('staffPreviewRefund: the purchase\'s member vanished')
    await writeAudit(ctx.tx, {
      staffId: staff.id,
      action: 'purchase.refund_preview',
      memberId: member.id,
      detail: { receiptNo: purchase.receiptNo, purchaseId: purchase.id },
      createdAt: ctx.now,
    })
    if (purchase.refund) return { refund: toRefundView(ctx, purchase, member, { refund: purchase.refund }), alreadyRefunded: true }
    const plan = planRefund(ctx, purchase, member)
    return { refund: toRefundView(ctx, purchase, member, { plan, tierBefore: member.tierCode, refund: null }), alreadyRefunded: false }
  },
})
