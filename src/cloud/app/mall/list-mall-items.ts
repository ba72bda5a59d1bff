import { listVisibleMallItems } from '../../db/repositories/mall-items'
import { readQuotaCounts } from '../../db/repositories/mall-quota'
import { readPointsOutlook } from '../../db/repositories/points-lots'
import { defineOperation } from '../operation'
import { quotaKeyOf, toBalanceView, toMallItemView } from './mall-views'

/** 积分商城: the items visible now, each with its state for the caller, and the caller's usable points on top. */
export const listMallItems = defineOperation({
  name: 'listMallItems',
  access: 'member',
  run: async (ctx, member) => {
    const outlook = await readPointsOutlook(ctx.tx, member.id, ctx.now)
    const items = await listVisibleMallItems(ctx.tx, ctx.store.id, ctx.now)
    const counts = await readQuotaCounts(ctx.tx, member.id, items.map((i) => i.item.id))
    return {
      balance: toBalanceView(ctx, outlook),
      items: items.map((i) =>
        toMallItemView(ctx, i, { memberTierCode: member.tierCode, usablePoints: outlook.usable, redeemedByMe: counts.get(quotaKeyOf(ctx, i.item)) ?? 0 }),
      ),
    }
  },
})
