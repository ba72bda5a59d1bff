import { AppError } from '../../../contract'
import { findMemberCoupon } from '../../db/repositories/member-coupons'
import { defineOperation } from '../operation'
import { toMemberCouponView } from './coupon-view'
import { rowId } from './ids'

/** One of the caller's coupons with its one-time code (QR and digits). Another member's id is simply not found. */
export const getMyCoupon = defineOperation({
  name: 'getMyCoupon',
  access: 'member',
  run: async (ctx, member, input) => {
    const id = rowId(input.id)
    const coupon = id === null ? null : await findMemberCoupon(ctx.tx, ctx.store.id, member.id, id)
    if (!coupon) throw new AppError('COUPON_NOT_FOUND')
    return { coupon: toMemberCouponView(ctx, coupon, member.tierCode, { withCode: true }) }
  },
})
