import { AppError } from '../../../contract'
import { writeAudit } from '../../db/repositories/audit-log'
import { cancelEventRow, lockCatalogEvent } from '../../db/repositories/event-catalog'
import { rowId } from '../coupons/ids'
import { cancelEventRegistrations } from '../events/registration-moves'
import { withImages } from '../mall-catalog/images'
import { defineOperation } from '../operation'
import { eventAuditDetail, loadAdminEventView } from './event-view'

/**
 * Cancels the event, once (the status guard): every registered and waitlisted registration is cancelled, its
 * points refunded into their lots and the member told, all in this transaction. An ended event is history and
 * stays as it was. Audited.
 */
export const cancelEvent = defineOperation({
  name: 'cancelEvent',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  prepare: (input, deps) => withImages(input, deps),
  run: async (ctx, staff, { input, images }) => {
    const id = rowId(input.eventId)
    const event = id === null ? null : await lockCatalogEvent(ctx.tx, ctx.store.id, id)
    if (!event) throw new AppError('EVENT_NOT_FOUND')
    if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED')
    if (event.endsAt.getTime() < ctx.now.getTime()) throw new AppError('EVENT_ENDED')
    const row = await cancelEventRow(ctx.tx, { storeId: ctx.store.id, id: event.id, reason: input.reason, staffId: staff.id, now: ctx.now })
    if (!row) throw new AppError('EVENT_CANCELLED')
    const { cancelled, pointsRefunded } = await cancelEventRegistrations(ctx, row, input.reason)
    const detail = eventAuditDetail(row, { reason: input.reason, registrationsCancelled: cancelled, pointsRefunded })
    await writeAudit(ctx.tx, { staffId: staff.id, action: 'event.cancel', memberId: null, detail, createdAt: ctx.now })
    return { event: await loadAdminEventView(ctx, row.id, images), registrationsCancelled: cancelled, pointsRefunded }
  },
})
