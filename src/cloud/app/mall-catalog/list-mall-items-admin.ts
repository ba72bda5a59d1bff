import { listAdminMallItems } from '../../db/repositories/mall-catalog'
import { defineOperation } from '../operation'
import { withImages } from './images'
import { toAdminMallItemView } from './item-view'

/** 积分商城管理: every item of the store, on sale or stopped, with stock left and gifts waiting for pick-up. */
export const listMallItemsAdmin = defineOperation({
  name: 'listMallItemsAdmin',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  prepare: (input, deps) => withImages(input, deps),
  run: async (ctx, _staff, { images }) => {
    const rows = await listAdminMallItems(ctx.tx, ctx.store.id)
    return { items: rows.map((row) => toAdminMallItemView(row, ctx, images)) }
  },
})
