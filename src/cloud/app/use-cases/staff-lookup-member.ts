import type { ApiOutput, ApiParsedInput } from '../../../contract'
import { signTillTicket, TILL_TICKET_MAX_AGE_S } from '../../../domain/till-ticket'
import { writeAudit } from '../../db/repositories/audit-log'
import type { StaffRow } from '../../db/repositories/staff'
import { memberByCode } from '../member-by-code'
import type { UseCaseContext } from '../store-context'
import { toStaffMemberView } from '../views'

/**
 * A clerk scans a code and sees the member (masked phone), with a till ticket to record purchases against.
 * A staff read of personal data: audited.
 */
export async function staffLookupMember(
  ctx: UseCaseContext,
  staff: StaffRow,
  input: ApiParsedInput<'staffLookupMember'>,
): Promise<ApiOutput<'staffLookupMember'>> {
  const member = await memberByCode(ctx, input.memberCode)
  await writeAudit(ctx.tx, {
    staffId: staff.id,
    action: 'member.lookup',
    memberId: member.id,
    detail: { memberNo: member.memberNo },
    createdAt: ctx.now,
  })
  return {
    member: toStaffMemberView(ctx, member),
    ticket: signTillTicket(member.memberNo, staff.id, ctx.now, ctx.config.memberCodeSecret),
    ticketExpiresAt: new Date(ctx.now.getTime() + TILL_TICKET_MAX_AGE_S * 1000).toISOString(),
  }
}
