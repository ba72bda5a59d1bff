import { randomBytes } from 'node:crypto'
import { AppError, type EventStatus } from '../../../contract'
import { isVisible } from '../../../domain/events/event-rules'
import { newTicketCode } from '../../../domain/events/ticket-code'
import { checkInWaitlisted, findLiveEntry, insertWalkIn, ledgerEntryDelta } from '../../db/repositories/event-door'
import { findRegistrationByRequestKey } from '../../db/repositories/event-registrations'
import { leaveWaitlist, takeFreeSeat } from '../../db/repositories/events'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { memberByTicket } from '../till/member-by-code'
import { creditAttendanceReward } from './attendance-reward'
import { assertNotOwnCheckIn, auditCheckIn, checkInEntry, checkInKey, doorEventOrThrow, doorResult } from './check-in-entry'
import { doorRefusal } from './door-rules'

/**
 * 现场补签: a member who walks in takes a free seat and is checked in at once; never the waitlist (EVENT_FULL when
 * no seat is free, by the event's guarded increment). Their cancelled history stays and a new row is made; a
 * waitlisted registration of theirs becomes the attended one (and leaves the waitlist count); an
 * already registered member is simply checked in. No points cost at the door; the reward as for any attendee.
 */
export const staffWalkIn = defineOperation({
  name: 'staffWalkIn',
  access: { staff: ['clerk', 'manager', 'admin'] },
  run: async (ctx, staff, input) => {
    // The member first (locked), then the event's row: the lock order of every points move.
    const member = await memberByTicket(ctx, input.memberTicket, staff.id, { lock: true })
    assertNotOwnCheckIn(staff, member)
    const event = await doorEventOrThrow(ctx, rowId(input.eventId) ?? 0)
    // A cancelled event is refused as such below; a draft or one not yet out is not the door's.
    if (event.status !== 'cancelled' && !isVisible({ status: event.status as EventStatus, publishAt: event.publishAt }, ctx.now)) throw new AppError('EVENT_NOT_FOUND')
    const walkInKey = `walkin:${staff.id}:${input.requestId}`
    const earlier = await findRegistrationByRequestKey(ctx.tx, ctx.store.id, walkInKey)
    if (earlier) return doorResult(ctx, earlier.id, earlier.rewardEntryId === null ? 0 : ((await ledgerEntryDelta(ctx.tx, earlier.rewardEntryId)) ?? 0), true)
    const closed = doorRefusal(ctx, event)
    if (closed) throw new AppError(closed.code, closed.message)

    const live = await findLiveEntry(ctx.tx, event.id, member.id)
    if (live && live.status !== 'waitlisted') return checkInEntry(ctx, staff, live, input.requestId, 'walk_in')
    if (!(await takeFreeSeat(ctx.tx, event.id))) throw new AppError('EVENT_FULL')
    // A waitlister seated at the door is no longer waiting (the CHECK refuses a count below zero).
    if (live) await leaveWaitlist(ctx.tx, event.id, 1)
    const at = { staffId: staff.id, requestKey: checkInKey(staff, input.requestId), at: ctx.now }
    const row = live
      ? await checkInWaitlisted(ctx.tx, { registrationId: live.id, ...at })
      : await insertWalkIn(ctx.tx, {
          storeId: ctx.store.id,
          eventId: event.id,
          memberId: member.id,
          requestKey: walkInKey,
          ticketCode: newTicketCode((n) => randomBytes(n)),
          checkedInAt: ctx.now,
          checkedInByStaffId: staff.id,
          checkInRequestKey: at.requestKey,
        })
    // The member's lock serializes their registrations, so only a broken invariant gets here: roll it all back.
    if (!row) throw new Error('staffWalkIn: the registration changed under the member lock')
    const rewardPoints = await creditAttendanceReward(ctx, row, event.rewardPoints, event.title)
    await auditCheckIn(ctx, staff, { action: 'event.walk_in', memberId: member.id, registrationId: row.id, eventId: event.id, fromWaitlist: live !== null, requestId: input.requestId, rewardPoints })
    return doorResult(ctx, row.id, rewardPoints, false)
  },
})
