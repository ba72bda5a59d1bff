import { writeAudit } from '../../db/repositories/audit-log'
import { insertMallItemIfNew } from '../../db/repositories/mall-catalog'
import { defineOperation } from '../operation'
import { withImages } from './images'
import { assertDeliverableTemplate, toMallItemFields } from './item-fields'
import { itemAuditDetail } from './item-view'
import { loadAdminItemView } from './load-view'

/** A manager adds an item; a retried save (same requestId) returns the one it made. Audited. */
export const createMallItem = defineOperation({
  name: 'createMallItem',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  prepare: (input, deps) => withImages(input, deps),
  run: async (ctx, staff, { input, images }) => {
    const fields = toMallItemFields(input.item, ctx.store.timezone)
    await assertDeliverableTemplate(ctx, fields)
    const { id, repeated } = await insertMallItemIfNew(ctx.tx, ctx.store.id, input.requestId, fields, ctx.now)
    if (!repeated) {
      await writeAudit(ctx.tx, { staffId: staff.id, action: 'mall_item.create', memberId: null, detail: itemAuditDetail({ id, ...fields }), createdAt: ctx.now })
    }
    return { item: await loadAdminItemView(ctx, id, images), repeated }
  },
})
