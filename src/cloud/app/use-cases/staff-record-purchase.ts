import type { ApiOutput, ApiParsedInput } from '../../../contract'
import type { StaffRow } from '../../db/repositories/staff'
import { memberByCode, memberByTicket } from '../member-by-code'
import { creditPurchase } from '../credit-purchase'
import type { UseCaseContext } from '../store-context'

/**
 * A clerk records a receipt for a member found by the lookup's till ticket (or, for a one-step integration, a
 * live member code): points, growth, maybe a promotion. Idempotent per receipt.
 */
export async function staffRecordPurchase(
  ctx: UseCaseContext,
  staff: StaffRow,
  input: ApiParsedInput<'staffRecordPurchase'>,
): Promise<ApiOutput<'staffRecordPurchase'>> {
  // The contract guarantees exactly one of the two.
  const member = input.ticket !== undefined ? await memberByTicket(ctx, input.ticket, staff.id) : await memberByCode(ctx, input.memberCode ?? '')
  return creditPurchase(ctx, { member, staffId: staff.id, receiptNo: input.receiptNo, amountFen: input.amountFen })
}
