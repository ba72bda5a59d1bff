import { readPointsOutlook } from '../../db/repositories/points-lots'
import { defineOperation } from '../operation'
import { mallItemsFor } from './mall-items-for'
import { toBalanceView } from './mall-views'

/** 积分商城: the items visible now, each with its state for the caller, and the caller's usable points on top. */
export const listMallItems = defineOperation({
  name: 'listMallItems',
  access: 'member',
  run: async (ctx, member) => {
    const outlook = await readPointsOutlook(ctx.tx, member.id, ctx.now)
    return { balance: toBalanceView(ctx, outlook), items: await mallItemsFor(ctx, member, outlook.usable) }
  },
})
