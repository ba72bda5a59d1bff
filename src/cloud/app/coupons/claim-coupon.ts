import { AppError } from '../../../contract'
import { lockMemberForIssue } from '../../db/repositories/member-coupons'
import { defineOperation } from '../operation'
import { toMemberCouponView } from './coupon-view'
import { rowId } from './ids'
import { issueCoupon } from './issue-coupon'

/**
 * A member claims a coupon in the 领券中心. The member row is locked first (the per-member limit is counted
 * under it), then issueCoupon enforces window, audience, limits and stock by its writes. The request id is
 * scoped to the member, so a retry after a timeout gets the coupon the first call issued.
 */
export const claimCoupon = defineOperation({
  name: 'claimCoupon',
  access: 'member',
  run: async (ctx, caller, input) => {
    const templateId = rowId(input.templateId)
    if (templateId === null) throw new AppError('COUPON_TEMPLATE_NOT_FOUND')
    const member = await lockMemberForIssue(ctx.tx, caller.id)
    if (!member || member.status !== 'active') throw new AppError('MEMBER_CLOSED')
    const { coupon, repeated } = await issueCoupon(ctx, {
      template: templateId,
      member,
      channel: 'claim',
      sourceKey: `claim:${member.id}:${input.requestId}`,
    })
    return { coupon: toMemberCouponView(ctx, coupon, member.tierCode), repeated }
  },
})
