import { AppError } from '../../../contract'
import { findEntryById, voidCheckIn } from '../../db/repositories/event-door'
import { lockMemberForIssue } from '../../db/repositories/member-coupons'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { takeBackAttendanceReward } from './attendance-reward'
import { auditCheckIn } from './check-in-entry'
import { toDoorEntryView } from './door-views'

/**
 * A manager voids a check-in made by mistake: attended → registered, and the reward taken back by a clawback from
 * its own lot first, never below zero (what was already spent is recorded as the shortfall). Audited with the
 * reason. A second void finds nothing attended: CHECK_IN_NOT_FOUND. A later check-in credits again, under a new key.
 */
export const staffVoidCheckIn = defineOperation({
  name: 'staffVoidCheckIn',
  access: { staff: ['manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const id = rowId(input.registrationId)
    const entry = id === null ? null : await findEntryById(ctx.tx, ctx.store.id, id)
    if (!entry) throw new AppError('CHECK_IN_NOT_FOUND')
    // The member first: the clawback's balance is read and debited under this lock.
    await lockMemberForIssue(ctx.tx, entry.memberId)
    const before = await voidCheckIn(ctx.tx, ctx.store.id, entry.id)
    if (!before) throw new AppError('CHECK_IN_NOT_FOUND')
    const taken = await takeBackAttendanceReward(ctx, before, entry.eventTitle)
    await auditCheckIn(ctx, staff, {
      action: 'event.check_in_void',
      memberId: entry.memberId,
      registrationId: entry.id,
      eventId: entry.eventId,
      reason: input.reason,
      checkedInAt: before.checkedInAt?.toISOString() ?? null,
      checkedInByStaffId: before.checkedInByStaffId,
      reward: taken.reward,
      pointsTakenBack: taken.takenBack,
      shortfall: taken.shortfall,
    })
    const after = await findEntryById(ctx.tx, ctx.store.id, entry.id)
    if (!after) throw new Error('staffVoidCheckIn: the registration vanished')
    return { entry: toDoorEntryView(ctx, after, null), pointsTakenBack: taken.takenBack }
  },
})
