import { writeAudit } from '../../db/repositories/audit-log'
import { listDoorEntries } from '../../db/repositories/event-door'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { doorEventOrThrow } from './check-in-entry'
import { toDoorEntryView, toDoorEventView, waitlistPlaces } from './door-views'

/**
 * The live door list: the counts and every registration, cancelled ones too (masked as the till shows a member),
 * checked-in last first. A staff read of personal data: audited, as the till's lookup is.
 */
export const staffGetDoorList = defineOperation({
  name: 'staffGetDoorList',
  access: { staff: ['clerk', 'manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const event = await doorEventOrThrow(ctx, rowId(input.eventId) ?? 0)
    const rows = await listDoorEntries(ctx.tx, event.id)
    await writeAudit(ctx.tx, { staffId: staff.id, action: 'event.door_list', memberId: null, detail: { eventId: event.id, entries: rows.length }, createdAt: ctx.now })
    const places = waitlistPlaces(rows)
    return { event: toDoorEventView(ctx, event), entries: rows.map((r) => toDoorEntryView(ctx, r, places.get(r.id) ?? null)) }
  },
})
