import { AppError } from '../../../contract'
import { findMemberById, findTillCouponById } from '../../db/repositories/coupon-verifications'
import { defineOperation } from '../operation'
import { checkCouponAtTill, couponByCodeOrThrow, verifyAtTill } from './coupon-at-till'
import { toTillCouponView, toVerificationView } from './till-coupon-view'

/**
 * 核销 without a purchase (a 兑换 gift, or a coupon settled outside the till): exactly once. The confirm's
 * requestId is the idempotency key: a retry after a timeout gets the first result (`repeated`); anyone else gets
 * COUPON_ALREADY_USED with when and by whom, and that refusal is recorded in the audit log.
 */
export const staffVerifyCoupon = defineOperation({
  name: 'staffVerifyCoupon',
  access: { staff: ['clerk', 'manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const coupon = await couponByCodeOrThrow(ctx, input.couponCode)
    const holder = await findMemberById(ctx.tx, ctx.store.id, coupon.memberId)
    if (!holder || holder.status !== 'active') throw new AppError('COUPON_NOT_FOUND')
    // As with purchases: a clerk does not settle their own coupon; a manager or admin may.
    if (holder.openid === staff.openid && staff.role === 'clerk') throw new AppError('SELF_DEALING', '店员不能核销自己的优惠券，请由其他店员或店长操作')
    let repeated = (await checkCouponAtTill(ctx, staff, coupon, holder.tierCode, input.requestId)) === 'repeat'
    if (!repeated) {
      // Without a bill, a 满减 is settled at its face value; a 折扣 or a gift has no amount to record.
      const discountFen = coupon.kind === 'amount_off' ? (coupon.amountOffFen ?? 0) : 0
      const verified = await verifyAtTill(ctx, staff, coupon, holder.tierCode, {
        requestId: input.requestId,
        receiptNo: null,
        discountFen,
        auditDetail: { requestId: input.requestId, discountFen },
      })
      // A requestId that verified another coupon: a client bug, refused (rolling back this coupon's change).
      if (verified.kind === 'request_reused') throw new AppError('BAD_INPUT', '请求编号已用于其他操作，请重试')
      repeated = verified.kind === 'repeat'
    }
    const now = await findTillCouponById(ctx.tx, ctx.store.id, coupon.id)
    if (!now?.verification) throw new Error('staffVerifyCoupon: the verified coupon has no live verification')
    return { coupon: toTillCouponView(ctx, now, holder.tierCode), verification: toVerificationView(now.verification), repeated }
  },
})
