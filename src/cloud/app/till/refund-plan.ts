import { AppError, type MemberCouponStatus, type RefundView, type TierCode } from '../../../contract'
import { earningsForPurchase } from '../../../domain/points'
import { refundPlan, type RefundPlan } from '../../../domain/refund'
import type { MemberRow } from '../../db/repositories/members'
import { findPurchaseForRefund, type PurchaseForRefund, type StoredRefund } from '../../db/repositories/purchase-refunds'
import type { UseCaseContext } from '../store-context'
import { tierByCode, toTierView } from '../tier-view'
import { toStaffMemberView } from './staff-member-view'

/** What a refund of this purchase does to this member now (by the store's rules), before anything is written. */
export interface PlannedRefund extends RefundPlan {
  growthEarned: number
  /** What the coupon verified on the purchase becomes, or null when none is returned. */
  couponReturnsAs: MemberCouponStatus | null
}

export async function purchaseOrThrow(ctx: UseCaseContext, receiptNo: string): Promise<PurchaseForRefund> {
  const purchase = await findPurchaseForRefund(ctx.tx, ctx.store.id, receiptNo)
  if (!purchase) throw new AppError('PURCHASE_NOT_FOUND')
  return purchase
}

export function planRefund(ctx: UseCaseContext, purchase: PurchaseForRefund, member: MemberRow): PlannedRefund {
  // Growth is earned on the amount paid at the store's rate (the ledger entry holds the points exactly).
  const growthEarned = earningsForPurchase(purchase.amountFen, ctx.store).growth
  const plan = refundPlan({
    pointsEarned: purchase.pointsEarned,
    growthEarned,
    balance: member.pointsBalance,
    growth: member.growth,
    tierCode: member.tierCode as TierCode,
    tiers: ctx.tiers,
    lowersTier: ctx.store.refundLowersTier,
  })
  const coupon = purchase.coupon
  const couponReturnsAs =
    coupon && coupon.live && ctx.store.refundReturnsCoupon ? (ctx.now.getTime() <= coupon.validTo.getTime() ? 'available' : 'expired') : null
  return { ...plan, growthEarned, couponReturnsAs }
}

/** The preview (a plan) or the refund as done (stored). */
export function toRefundView(
  ctx: UseCaseContext,
  purchase: PurchaseForRefund,
  member: MemberRow,
  done: { plan: PlannedRefund; tierBefore: string; refund: null } | { refund: StoredRefund },
): RefundView {
  const shown = toStaffMemberView(ctx, member)
  const tierView = (code: string) => toTierView(tierByCode(ctx.tiers, code))
  const base = {
    receiptNo: purchase.receiptNo,
    memberNickname: shown.nickname,
    memberPhoneMasked: shown.phoneMasked,
    paidFen: purchase.amountFen,
    purchasedAt: purchase.createdAt.toISOString(),
    pointsEarned: purchase.pointsEarned,
  }
  if (done.refund) {
    const r = done.refund
    return {
      ...base,
      pointsToReverse: r.pointsReversed,
      pointsShortfall: r.pointsShortfall,
      growthToReverse: r.growthReversed,
      tierBefore: tierView(r.tierBefore),
      tierAfter: tierView(r.tierAfter),
      coupon: purchase.coupon ? { name: purchase.coupon.name, returnsAs: (r.couponReturnedAs as MemberCouponStatus | null) ?? null } : null,
      refundedAt: r.at.toISOString(),
      refundedBy: r.staffName,
    }
  }
  const { plan } = done
  return {
    ...base,
    pointsToReverse: plan.pointsToReverse,
    pointsShortfall: plan.pointsShortfall,
    growthToReverse: plan.growthToReverse,
    tierBefore: tierView(done.tierBefore),
    tierAfter: tierView(plan.tierAfter),
    coupon: purchase.coupon ? { name: purchase.coupon.name, returnsAs: plan.couponReturnsAs } : null,
    refundedAt: null,
    refundedBy: null,
  }
}
