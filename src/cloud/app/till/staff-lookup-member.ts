import { signTillTicket, TILL_TICKET_MAX_AGE_S } from '../../../domain/till-ticket'
import { writeAudit } from '../../db/repositories/audit-log'
import { hasUsableBirthdayCoupon } from '../birthday/birthday-badge'
import { defineOperation } from '../operation'
import { memberByCode } from './member-by-code'
import { toStaffMemberView } from './staff-member-view'

/**
 * A clerk scans a code and sees the member (masked phone), with a till ticket to record purchases against.
 * A staff read of personal data: audited.
 */
export const staffLookupMember = defineOperation({
  name: 'staffLookupMember',
  access: { staff: ['clerk', 'manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const member = await memberByCode(ctx, input.memberCode, staff)
    await writeAudit(ctx.tx, {
      staffId: staff.id,
      action: 'member.lookup',
      memberId: member.id,
      detail: { memberNo: member.memberNo },
      createdAt: ctx.now,
    })
    return {
      member: toStaffMemberView(ctx, member),
      coupons: [],
      birthdayCoupon: await hasUsableBirthdayCoupon(ctx, member),
      ticket: signTillTicket(member.memberNo, staff.id, ctx.now, ctx.config.memberCodeSecret),
      ticketExpiresAt: new Date(ctx.now.getTime() + TILL_TICKET_MAX_AGE_S * 1000).toISOString(),
    }
  },
})
