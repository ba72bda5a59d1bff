import { AppError } from '../../../contract'
import { isFutureBirthday } from '../../../domain/birthday/birth-month'
import { writeAudit } from '../../db/repositories/audit-log'
import { correctBirthday } from '../../db/repositories/member-birthday'
import { defineOperation } from '../operation'
import { memberByTicket } from '../till/member-by-code'
import { issueBirthdayGifts, lockGiftIssuing } from './issue-gifts'
import { birthdayColumns } from './set-my-birthday'

/**
 * A manager corrects a member's birthday (the member found by the till's lookup ticket). Audited with the reason
 * only, never the dates. The first gift year follows the N-day rule from now, as a member's own setting would;
 * a gift already issued this year stays and is never issued twice (birthday_gifts' unique member+year); one
 * not yet issued comes at once when the corrected month is the current one and the rule allows.
 */
export const staffCorrectBirthday = defineOperation({
  name: 'staffCorrectBirthday',
  access: { staff: ['manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const member = await memberByTicket(ctx, input.ticket, staff.id)
    if (isFutureBirthday(input.birthday, ctx.now, ctx.store.timezone)) throw new AppError('BIRTHDAY_IN_FUTURE')
    await lockGiftIssuing(ctx)
    await correctBirthday(ctx.tx, birthdayColumns(ctx, member.id, input.birthday))
    await writeAudit(ctx.tx, {
      staffId: staff.id,
      action: 'member.birthday_correct',
      memberId: member.id,
      detail: { memberNo: member.memberNo, reason: input.reason },
      createdAt: ctx.now,
    })
    await issueBirthdayGifts(ctx, { afterId: null, limit: 1, memberId: member.id })
    return { birthday: input.birthday }
  },
})
