import { AppError } from '../../../contract'
import { writeAudit } from '../../db/repositories/audit-log'
import type { TillCouponRow } from '../../db/repositories/coupon-verifications'
import { defineOperation } from '../operation'
import { memberByTicket } from '../till/member-by-code'
import { toTillCouponView } from '../till/till-coupon-view'
import { rowId } from './ids'
import { issueCoupon } from './issue-coupon'

/**
 * A manager gives the member on the till (found by the lookup's ticket) a coupon from a 'grant' template. The
 * member row is locked by the lookup (per-member limit); `requestId` makes a retried grant return the first
 * coupon. Audited, without personal data.
 */
export const staffGrantCoupon = defineOperation({
  name: 'staffGrantCoupon',
  access: { staff: ['manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const templateId = rowId(input.templateId)
    if (templateId === null) throw new AppError('COUPON_TEMPLATE_NOT_FOUND')
    const member = await memberByTicket(ctx, input.ticket, staff.id, { lock: true })
    const { coupon, repeated } = await issueCoupon(ctx, { template: templateId, member, channel: 'grant', sourceKey: `grant:${input.requestId}` })
    if (!repeated) {
      await writeAudit(ctx.tx, {
        staffId: staff.id,
        action: 'coupon.grant',
        memberId: member.id,
        detail: { templateId, couponId: coupon.id, ...(member.openid === staff.openid ? { selfService: true } : {}) },
        createdAt: ctx.now,
      })
    }
    // Just issued (or re-answered): no verification to show, the till's one view of a coupon.
    const row = { ...coupon, kind: coupon.kind as TillCouponRow['kind'], verification: null }
    return { coupon: toTillCouponView(ctx, row, member.tierCode), repeated }
  },
})
