import { listAdminEvents } from '../../db/repositories/event-catalog'
import { withImages } from '../mall-catalog/images'
import { defineOperation } from '../operation'
import { toAdminEventView } from './event-view'

/** 活动管理: one tab of the store's events (进行中/即将开始, 草稿, 已结束, 已取消). */
export const listEventsAdmin = defineOperation({
  name: 'listEventsAdmin',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  prepare: (input, deps) => withImages(input, deps),
  run: async (ctx, _staff, { input, images }) => {
    const rows = await listAdminEvents(ctx.tx, ctx.store.id, input.tab, ctx.now)
    return { events: rows.map((row) => toAdminEventView(row, ctx, images)) }
  },
})
