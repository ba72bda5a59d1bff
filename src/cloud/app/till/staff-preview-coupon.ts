import { AppError } from '../../../contract'
import { writeAudit } from '../../db/repositories/audit-log'
import { findMemberById } from '../../db/repositories/coupon-verifications'
import { defineOperation } from '../operation'
import { tillTierDiscountPct } from '../tier-view'
import { couponByCodeOrThrow } from './coupon-at-till'
import { toStaffMemberView } from './staff-member-view'
import { toTillCouponView, toVerificationView } from './till-coupon-view'

/**
 * The scan of a coupon's code: what it is, whose (masked), whether it can be used now or why not, and when and by
 * whom it was verified if it was. A staff read of a member's data: audited. Writes nothing else.
 */
export const staffPreviewCoupon = defineOperation({
  name: 'staffPreviewCoupon',
  access: { staff: ['clerk', 'manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const coupon = await couponByCodeOrThrow(ctx, input.couponCode)
    const holder = await findMemberById(ctx.tx, ctx.store.id, coupon.memberId)
    // A closed card's coupons are gone with its personal data.
    if (!holder || holder.status !== 'active') throw new AppError('COUPON_NOT_FOUND')
    await writeAudit(ctx.tx, { staffId: staff.id, action: 'coupon.preview', memberId: holder.id, detail: { couponId: coupon.id }, createdAt: ctx.now })
    const member = toStaffMemberView(ctx, holder)
    return {
      coupon: toTillCouponView(ctx, coupon, holder.tierCode),
      holder: { nickname: member.nickname, phoneMasked: member.phoneMasked, memberNo: member.memberNo, tier: member.tier },
      verification: coupon.verification ? toVerificationView(coupon.verification) : null,
      tierDiscountPct: tillTierDiscountPct(ctx, holder.tierCode),
    }
  },
})
