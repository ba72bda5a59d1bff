import { AppError } from '../../../contract'
import { writeAudit } from '../../db/repositories/audit-log'
import { lockCatalogEvent, publishDraft } from '../../db/repositories/event-catalog'
import { rowId } from '../coupons/ids'
import { withImages } from '../mall-catalog/images'
import { defineOperation } from '../operation'
import { assertEditable } from './event-checks'
import { instantOfLocal } from './event-fields'
import { queuePublishNotice } from './event-notices'
import { eventAuditDetail, loadAdminEventView } from './event-view'

/**
 * A draft goes out now, or is scheduled (members see it from `publishAt`; the publishing job notifies then); a
 * scheduled event may be brought forward to now or re-timed. Now with `notify`: the notice is queued in this
 * transaction, one row per member who may sign up (one statement; once per event, whoever queues it first: this
 * or the job). A published event is refused (EVENT_ALREADY_PUBLISHED). Audited.
 */
export const publishEvent = defineOperation({
  name: 'publishEvent',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  prepare: (input, deps) => withImages(input, deps),
  run: async (ctx, staff, { input, images }) => {
    const id = rowId(input.eventId)
    const event = id === null ? null : await lockCatalogEvent(ctx.tx, ctx.store.id, id)
    if (!event) throw new AppError('EVENT_NOT_FOUND')
    assertEditable(event, ctx.now)
    if (event.status !== 'draft' && event.status !== 'scheduled') throw new AppError('EVENT_ALREADY_PUBLISHED')
    if (event.startsAt.getTime() <= ctx.now.getTime()) throw new AppError('EVENT_INVALID', '活动开始时间已过，请修改后再发布')
    const publishAt = input.publishAt === undefined ? null : instantOfLocal(input.publishAt, ctx.store.timezone)
    if (publishAt && publishAt.getTime() <= ctx.now.getTime()) throw new AppError('EVENT_INVALID', undefined, { publishAt: '定时发布时间应晚于现在' })
    if (publishAt && publishAt.getTime() >= event.startsAt.getTime()) throw new AppError('EVENT_INVALID', undefined, { publishAt: '定时发布时间应早于活动开始' })
    const row = await publishDraft(ctx.tx, { storeId: ctx.store.id, id: event.id, publishAt, notify: input.notify, now: ctx.now })
    if (!row) throw new AppError('EVENT_ALREADY_PUBLISHED')
    const queued = !publishAt && input.notify ? await queuePublishNotice(ctx, row) : 0
    const detail = eventAuditDetail(row, { publishAt: publishAt?.toISOString() ?? null, notify: input.notify, queued })
    await writeAudit(ctx.tx, { staffId: staff.id, action: publishAt ? 'event.schedule' : 'event.publish', memberId: null, detail, createdAt: ctx.now })
    return { event: await loadAdminEventView(ctx, row.id, images), queued }
  },
})
