import type { ApiOutput, ApiParsedInput } from '../../../contract'
import { writeAudit } from '../../db/repositories/audit-log'
import type { StaffRow } from '../../db/repositories/staff'
import { memberByCode } from '../member-by-code'
import type { UseCaseContext } from '../store-context'
import { toStaffMemberView } from '../views'

/** A clerk scans a code and sees the member (masked phone). A staff read of personal data: audited. */
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
  return { member: toStaffMemberView(ctx, member) }
}
