import { AppError, type TierCode } from '../../../contract'
import { writeAudit } from '../../db/repositories/audit-log'
import { findMemberById, reverseVerification } from '../../db/repositories/coupon-verifications'
import { addGrowth, setMemberTier } from '../../db/repositories/members'
import { expireDuePoints, findEntryIdByRequest, postPoints } from '../../db/repositories/points-ledger'
import { insertRefundIfNew } from '../../db/repositories/purchase-refunds'
import { defineOperation } from '../operation'
import { planRefund, purchaseOrThrow, toRefundView } from './refund-plan'

/**
 * A manager refunds a receipt in full, once. Under the member row's lock: the refund row is claimed first (its
 * unique purchase id: a retry or a second manager stops there and gets the first refund back), then the earned
 * points are taken back by a 'clawback' ledger entry (never below zero: the shortfall is forgiven and recorded),
 * the growth is reversed, the tier follows by the store's rule, and the coupon verified on the purchase is returned
 * by the store's rule (usable, or expired when its end has passed). Audited.
 */
export const staffRefundPurchase = defineOperation({
  name: 'staffRefundPurchase',
  access: { staff: ['manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const { tx, store, now } = ctx
    let purchase = await purchaseOrThrow(ctx, input.receiptNo)
    // Points due to expire are expired first (this also locks the member), so the clawback is planned on the
    // points the member can still use.
    if (!purchase.refund) await expireDuePoints(tx, store.id, purchase.memberId, now)
    const member = await findMemberById(tx, store.id, purchase.memberId, { lock: !purchase.refund })
    if (!member) throw new Error('staffRefundPurchase: the purchase\'s member vanished')
    const repeat = async () => {
      purchase = await purchaseOrThrow(ctx, input.receiptNo)
      if (!purchase.refund) throw new Error('staffRefundPurchase: the refund that won the race vanished')
      await writeAudit(tx, {
        staffId: staff.id,
        action: 'purchase.refund_duplicate',
        memberId: member.id,
        detail: { receiptNo: purchase.receiptNo, purchaseId: purchase.id, refundId: purchase.refund.id },
        createdAt: now,
      })
      return { refund: toRefundView(ctx, purchase, member, { refund: purchase.refund }), alreadyRefunded: true }
    }
    if (purchase.refund) return repeat()
    if (member.status !== 'active') throw new AppError('MEMBER_CLOSED')
    // Decided from the locked row: nothing else moves this member's points or growth until we commit.
    const plan = planRefund(ctx, purchase, member)
    const refundId = await insertRefundIfNew(tx, {
      storeId: store.id,
      purchaseId: purchase.id,
      memberId: member.id,
      staffId: staff.id,
      reason: input.reason,
      pointsReversed: plan.pointsToReverse,
      pointsShortfall: plan.pointsShortfall,
      growthReversed: plan.growthToReverse,
      couponReturnedAs: plan.couponReturnsAs,
      tierBefore: member.tierCode,
      tierAfter: plan.tierAfter,
      createdAt: now,
    })
    if (refundId === null) return repeat()
    if (plan.pointsToReverse > 0) {
      await postPoints(tx, {
        storeId: store.id,
        memberId: member.id,
        reason: 'clawback',
        delta: -plan.pointsToReverse,
        growthDelta: -plan.growthToReverse,
        requestId: `refund:${purchase.receiptNo}`,
        note: `退款 小票 ${purchase.receiptNo}`,
        expiresAt: null,
        createdAt: now,
        // Taken first from the lot this purchase earned, then oldest first.
        reversesEntryId: await findEntryIdByRequest(tx, store.id, `purchase:${purchase.receiptNo}`),
      })
    } else if (plan.growthToReverse > 0) {
      await addGrowth(tx, member.id, -plan.growthToReverse)
    }
    if (plan.tierAfter !== member.tierCode) await setMemberTier(tx, member.id, plan.tierAfter as TierCode)
    if (plan.couponReturnsAs && purchase.coupon) {
      const status = await reverseVerification(tx, {
        storeId: store.id,
        couponId: purchase.coupon.id,
        staffId: staff.id,
        reason: '退款',
        at: now,
        purchaseId: purchase.id,
        notBefore: null,
        audit: null,
      })
      if (status !== plan.couponReturnsAs) throw new Error(`staffRefundPurchase: the coupon returned as ${status}, planned ${plan.couponReturnsAs}`)
    }
    await writeAudit(tx, {
      staffId: staff.id,
      action: 'purchase.refund',
      memberId: member.id,
      detail: {
        receiptNo: purchase.receiptNo,
        purchaseId: purchase.id,
        refundId,
        pointsReversed: plan.pointsToReverse,
        pointsShortfall: plan.pointsShortfall,
        growthReversed: plan.growthToReverse,
        tierBefore: member.tierCode,
        tierAfter: plan.tierAfter,
        couponId: purchase.coupon?.id ?? null,
        couponReturnedAs: plan.couponReturnsAs,
      },
      createdAt: now,
    })
    const refund = { id: refundId, at: now, staffName: staff.name, ...storedAmounts(plan), couponReturnedAs: plan.couponReturnsAs, tierBefore: member.tierCode, tierAfter: plan.tierAfter }
    return { refund: toRefundView(ctx, purchase, member, { refund }), alreadyRefunded: false }
  },
})

function storedAmounts(plan: { pointsToReverse: number; pointsShortfall: number; growthToReverse: number }) {
  return { pointsReversed: plan.pointsToReverse, pointsShortfall: plan.pointsShortfall, growthReversed: plan.growthToReverse }
}
