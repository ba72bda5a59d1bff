import { writeAudit } from '../../db/repositories/audit-log'
import { waitlistPositionOf } from '../../db/repositories/event-registrations'
import { defineOperation } from '../operation'
import { doorEventOrThrow } from './check-in-entry'
import { toDoorEntryView, toDoorEventView } from './door-views'
import { entryByTicket } from './staff-check-in'

/** What a scanned ticket is, whose (masked), and whether it can be checked in now or why not. Writes only the audit. */
export const staffPreviewTicket = defineOperation({
  name: 'staffPreviewTicket',
  access: { staff: ['clerk', 'manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const entry = await entryByTicket(ctx, input.ticketCode)
    const event = await doorEventOrThrow(ctx, entry.eventId)
    const place = await waitlistPositionOf(ctx.tx, entry)
    await writeAudit(ctx.tx, {
      staffId: staff.id,
      action: 'event.ticket_preview',
      memberId: entry.memberId,
      detail: { registrationId: entry.id, eventId: entry.eventId },
      createdAt: ctx.now,
    })
    return { entry: toDoorEntryView(ctx, entry, place), event: toDoorEventView(ctx, event) }
  },
})
