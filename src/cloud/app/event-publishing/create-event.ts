import { writeAudit } from '../../db/repositories/audit-log'
import { insertEventIfNew } from '../../db/repositories/event-catalog'
import { withImages } from '../mall-catalog/images'
import { defineOperation } from '../operation'
import { assertTimesAhead } from './event-checks'
import { toEventFields } from './event-fields'
import { eventAuditDetail, loadAdminEventView } from './event-view'

/** A manager saves a new event as a draft; a retried save (same requestId) returns the one it made. Audited. */
export const createEvent = defineOperation({
  name: 'createEvent',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  prepare: (input, deps) => withImages(input, deps),
  run: async (ctx, staff, { input, images }) => {
    const fields = toEventFields(input.event, ctx.store.timezone)
    assertTimesAhead(fields, null, ctx.now)
    const { id, repeated } = await insertEventIfNew(ctx.tx, { storeId: ctx.store.id, requestId: input.requestId, staffId: staff.id, fields, now: ctx.now })
    if (!repeated) {
      await writeAudit(ctx.tx, { staffId: staff.id, action: 'event.create', memberId: null, detail: eventAuditDetail({ id, status: 'draft', ...fields }), createdAt: ctx.now })
    }
    return { event: await loadAdminEventView(ctx, id, images) }
  },
})
