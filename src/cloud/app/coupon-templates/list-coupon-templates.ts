import { listTemplates } from '../../db/repositories/coupon-templates'
import { defineOperation } from '../operation'
import { toTemplateView } from './template-view'

export const listCouponTemplates = defineOperation({
  name: 'listCouponTemplates',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  run: async (ctx, _staff, input) => {
    const rows = await listTemplates(ctx.tx, ctx.store.id, input.status)
    return { templates: rows.map((t) => toTemplateView(t, ctx.store.timezone)) }
  },
})
