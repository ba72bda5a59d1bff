import { listClaimableTemplates } from '../../db/repositories/coupon-templates'
import { defineOperation } from '../operation'
import { toClaimableView } from './claimable-view'

/** The 领券中心: what this member can claim now or soon, each with its state and remaining stock. One query. */
export const listClaimableCoupons = defineOperation({
  name: 'listClaimableCoupons',
  access: 'member',
  run: async (ctx, member) => {
    const rows = await listClaimableTemplates(ctx.tx, ctx.store.id, member.id, ctx.now)
    return { coupons: rows.map((row) => toClaimableView(ctx, row, member.tierCode)) }
  },
})
