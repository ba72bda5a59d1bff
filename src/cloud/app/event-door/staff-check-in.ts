import { AppError } from '../../../contract'
import { findEntryByTicket, findLiveEntry, type DoorEntryRow } from '../../db/repositories/event-door'
import type { StaffRow } from '../../db/repositories/staff'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import type { UseCaseContext } from '../store-context'
import { memberByTicket } from '../till/member-by-code'
import { checkInEntry, doorEventOrThrow } from './check-in-entry'

/**
 * The door's check-in: by the ticket (for its own event only: with the door's event chosen, another event's ticket
 * is refused and nothing is written), or by the member (the lookup's till ticket) and the chosen event. Once per
 * registration, with its attendance reward; see checkInEntry.
 */
export const staffCheckIn = defineOperation({
  name: 'staffCheckIn',
  access: { staff: ['clerk', 'manager', 'admin'] },
  run: async (ctx, staff, input) => {
    if (input.ticketCode !== undefined) return checkInEntry(ctx, staff, await entryByTicket(ctx, input.ticketCode, input.eventId), input.requestId, 'ticket')
    if (input.memberTicket === undefined || input.eventId === undefined) throw new AppError('BAD_INPUT')
    return checkInEntry(ctx, staff, await entryOfMember(ctx, staff, input.memberTicket, input.eventId), input.requestId, 'member')
  },
})

export async function entryByTicket(ctx: UseCaseContext, ticketCode: string, doorEventId?: string): Promise<DoorEntryRow> {
  const entry = await findEntryByTicket(ctx.tx, ctx.store.id, ticketCode)
  if (!entry) throw new AppError('EVENT_TICKET_INVALID')
  if (doorEventId !== undefined && rowId(doorEventId) !== entry.eventId) {
    throw new AppError('EVENT_TICKET_OTHER_EVENT', `该票属于「${entry.eventTitle}」，不属于当前活动`)
  }
  return entry
}

/** The member the till ticket names (locked: member first), and their live registration for the event. */
async function entryOfMember(ctx: UseCaseContext, staff: StaffRow, memberTicket: string, eventId: string): Promise<DoorEntryRow> {
  const member = await memberByTicket(ctx, memberTicket, staff.id, { lock: true })
  const event = await doorEventOrThrow(ctx, rowId(eventId) ?? 0)
  const entry = await findLiveEntry(ctx.tx, event.id, member.id)
  if (!entry) throw new AppError('CHECK_IN_NOT_REGISTERED')
  return entry
}
