import { AppError } from '../../../contract'
import { writeAudit } from '../../db/repositories/audit-log'
import { updateMallItemFields } from '../../db/repositories/mall-catalog'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { withImages } from './images'
import { assertDeliverableTemplate, toMallItemFields } from './item-fields'
import { itemAuditDetail } from './item-view'
import { loadAdminItemView } from './load-view'

/**
 * Replaces an item's settings. The redeemed count is kept; a stock total below it is refused by the UPDATE's
 * own guard. Redemptions already made keep what they copied (name, points). Audited.
 */
export const updateMallItem = defineOperation({
  name: 'updateMallItem',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  prepare: (input, deps) => withImages(input, deps),
  run: async (ctx, staff, { input, images }) => {
    const id = rowId(input.itemId)
    if (id === null) throw new AppError('MALL_ITEM_NOT_FOUND')
    const fields = toMallItemFields(input.item, ctx.store.timezone)
    await assertDeliverableTemplate(ctx, fields)
    const result = await updateMallItemFields(ctx.tx, ctx.store.id, id, fields, ctx.now)
    if (!result.ok) {
      if (result.reason === 'not_found') throw new AppError('MALL_ITEM_NOT_FOUND')
      throw new AppError('MALL_STOCK_BELOW_REDEEMED', undefined, { 'item.stockTotal': '库存不能少于已兑换数量' })
    }
    await writeAudit(ctx.tx, { staffId: staff.id, action: 'mall_item.update', memberId: null, detail: itemAuditDetail({ id, ...fields }), createdAt: ctx.now })
    return { item: await loadAdminItemView(ctx, id, images) }
  },
})
