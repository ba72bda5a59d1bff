import { AppError } from '../../../contract'
import { findMemberById, findTillCouponById, reverseVerification } from '../../db/repositories/coupon-verifications'
import { defineOperation } from '../operation'
import { couponByCodeOrThrow } from './coupon-at-till'
import { toTillCouponView } from './till-coupon-view'

/**
 * A manager voids a verification (核销撤销) within the store's window, with a reason: the coupon is usable again,
 * or expired when its end has passed. Never twice (the guarded update finds no live verification the second
 * time). A verification made on a purchase belongs to that purchase: it is reversed by refunding the purchase.
 */
export const staffVoidCouponVerification = defineOperation({
  name: 'staffVoidCouponVerification',
  access: { staff: ['manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const coupon = await couponByCodeOrThrow(ctx, input.couponCode)
    const hours = ctx.store.couponVoidWindowHours
    const notBefore = new Date(ctx.now.getTime() - hours * 3_600_000)
    const status = await reverseVerification(ctx.tx, {
      storeId: ctx.store.id,
      couponId: coupon.id,
      staffId: staff.id,
      reason: input.reason,
      at: ctx.now,
      purchaseId: null,
      notBefore,
      audit: { action: 'coupon.void', detail: {} },
    })
    if (status === null) {
      // Nothing reversed: say why, from the coupon as it is now (another manager may have voided it a moment ago).
      const current = await findTillCouponById(ctx.tx, ctx.store.id, coupon.id)
      const live = current?.verification ?? null
      if (!live) throw new AppError('COUPON_NOT_VERIFIED')
      if (live.purchaseId !== null) {
        throw new AppError('COUPON_NOT_VERIFIED', `该券随小票 ${live.receiptNo ?? ''} 的消费核销，请对该小票办理退款来撤销`)
      }
      throw new AppError('COUPON_VOID_WINDOW_PASSED', `已超过可撤销核销的时间（核销后 ${hours} 小时内）`)
    }
    const holder = await findMemberById(ctx.tx, ctx.store.id, coupon.memberId)
    const after = await findTillCouponById(ctx.tx, ctx.store.id, coupon.id)
    if (!holder || !after) throw new Error('staffVoidCouponVerification: the coupon or its holder vanished')
    return { coupon: toTillCouponView(ctx, after, holder.tierCode) }
  },
})
