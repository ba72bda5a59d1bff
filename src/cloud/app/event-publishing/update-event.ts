import { AppError, type EventStatus } from '../../../contract'
import { isVisible } from '../../../domain/events/event-rules'
import { writeAudit } from '../../db/repositories/audit-log'
import { lockCatalogEvent, updateEventFields } from '../../db/repositories/event-catalog'
import { rowId } from '../coupons/ids'
import { promoteWaitlist } from '../events/registration-moves'
import { withImages } from '../mall-catalog/images'
import { defineOperation } from '../operation'
import { assertEditable, assertTimesAhead } from './event-checks'
import { changedWhat, toEventFields } from './event-fields'
import { tellEventChanged } from './event-notices'
import { eventAuditDetail, loadAdminEventView } from './event-view'

const BELOW = () => new AppError('EVENT_CAPACITY_BELOW_REGISTERED', undefined, { 'event.capacity': '名额不能少于已报名人数' })

/**
 * Replaces an event's settings under its row lock (sign-ups wait). A capacity below the seats taken is refused;
 * a higher one seats the first waitlisters in this transaction. Once members can see the event, a new time or
 * place is stamped (changed_at, the members' banner) and every registered and waitlisted member is told. Audited.
 */
export const updateEvent = defineOperation({
  name: 'updateEvent',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  prepare: (input, deps) => withImages(input, deps),
  run: async (ctx, staff, { input, images }) => {
    const id = rowId(input.eventId)
    const before = id === null ? null : await lockCatalogEvent(ctx.tx, ctx.store.id, id)
    if (!before) throw new AppError('EVENT_NOT_FOUND')
    assertEditable(before, ctx.now)
    const fields = toEventFields(input.event, ctx.store.timezone)
    assertTimesAhead(fields, before, ctx.now)
    if (fields.capacity < before.seatsTaken) throw BELOW()
    const what = isVisible({ status: before.status as EventStatus, publishAt: before.publishAt }, ctx.now) ? changedWhat(before, fields) : null
    // The guard re-checks the seats on the row it writes: never the CHECK's INTERNAL error.
    const row = await updateEventFields(ctx.tx, ctx.store.id, before.id, fields, what ? ctx.now : null, ctx.now)
    if (!row) throw BELOW()
    const membersTold = what ? await tellEventChanged(ctx, row, what, ctx.now) : 0
    const promoted = row.capacity > before.capacity && row.waitlistCount > 0 ? await promoteWaitlist(ctx, row) : 0
    const detail = eventAuditDetail(row, { changed: what, membersTold, promoted, capacityBefore: before.capacity })
    await writeAudit(ctx.tx, { staffId: staff.id, action: 'event.update', memberId: null, detail, createdAt: ctx.now })
    return { event: await loadAdminEventView(ctx, row.id, images), membersTold, promoted }
  },
})
