import { AppError } from '../../../contract'
import { canCancel } from '../../../domain/events/event-rules'
import { findMemberRegistration } from '../../db/repositories/event-listings'
import { lockMemberForIssue } from '../../db/repositories/member-coupons'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { registrationViewOf } from './registration-view-of'
import { cancelRegistration } from './registration-moves'

/**
 * The member cancels their registration before the cut-off, or leaves the waitlist before the start: the points go
 * back into their lots and a freed seat goes to the first waitlister, in this transaction. Only the caller's own;
 * once (a second cancel finds it cancelled: REGISTRATION_NOT_CANCELLABLE, nothing changes).
 */
export const cancelMyRegistration = defineOperation({
  name: 'cancelMyRegistration',
  access: 'member',
  run: async (ctx, caller, input) => {
    // The member's row first: the lock order of every events move (sign-up, refund, promotion).
    const member = await lockMemberForIssue(ctx.tx, caller.id)
    if (!member) throw new AppError('MEMBER_CLOSED')
    const id = rowId(input.registrationId)
    const found = id === null ? null : await findMemberRegistration(ctx.tx, ctx.store.id, member.id, id)
    if (!found) throw new AppError('REGISTRATION_NOT_FOUND')
    if (found.event.status === 'cancelled') throw new AppError('REGISTRATION_NOT_CANCELLABLE')
    const check = canCancel(found.registration.status, found.event, ctx.store.eventCancelCutoffHours, ctx.now)
    if (!check.ok) throw new AppError(check.code)
    const result = await cancelRegistration(ctx, found.registration, 'member')
    return {
      registration: await registrationViewOf(ctx, member.id, found.registration.id),
      pointsBalance: result.pointsBalance ?? member.pointsBalance,
    }
  },
})
