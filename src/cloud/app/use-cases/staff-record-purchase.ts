import type { ApiOutput, ApiParsedInput } from '../../../contract'
import type { StaffRow } from '../../db/repositories/staff'
import { memberByCode } from '../member-by-code'
import { creditPurchase } from '../credit-purchase'
import type { UseCaseContext } from '../store-context'

/** A clerk records a receipt against a scanned member code: points, growth, maybe a promotion. Idempotent per receipt. */
export async function staffRecordPurchase(
  ctx: UseCaseContext,
  staff: StaffRow,
  input: ApiParsedInput<'staffRecordPurchase'>,
): Promise<ApiOutput<'staffRecordPurchase'>> {
  const member = await memberByCode(ctx, input.memberCode)
  return creditPurchase(ctx, { member, staffId: staff.id, receiptNo: input.receiptNo, amountFen: input.amountFen })
}
