import { AppError } from '../../../contract'
import { writeAudit } from '../../db/repositories/audit-log'
import { setMallItemStatusIn } from '../../db/repositories/mall-catalog'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { withImages } from './images'
import { loadAdminItemView } from './load-view'

/** 下架 / 上架: stops (or resumes) new redemptions; gifts already redeemed can still be picked up. Audited. */
export const setMallItemStatus = defineOperation({
  name: 'setMallItemStatus',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  prepare: (input, deps) => withImages(input, deps),
  run: async (ctx, staff, { input, images }) => {
    const id = rowId(input.itemId)
    if (id === null || !(await setMallItemStatusIn(ctx.tx, ctx.store.id, id, input.status, ctx.now))) throw new AppError('MALL_ITEM_NOT_FOUND')
    await writeAudit(ctx.tx, {
      staffId: staff.id,
      action: input.status === 'stopped' ? 'mall_item.stop' : 'mall_item.resume',
      memberId: null,
      detail: { itemId: id },
      createdAt: ctx.now,
    })
    return { item: await loadAdminItemView(ctx, id, images) }
  },
})
