import { AppError } from '../../../contract'
import { findMallItem } from '../../db/repositories/mall-items'
import { readQuotaCounts } from '../../db/repositories/mall-quota'
import { readPointsOutlook } from '../../db/repositories/points-lots'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { quotaKeyOf, toBalanceView, toMallItemView } from './mall-views'

/**
 * One item with its description, for the detail page. An item not yet visible is not found; a stopped or ended one
 * is shown with its state (已下架 / 已结束), so a link shared a moment ago still explains itself.
 */
export const getMallItem = defineOperation({
  name: 'getMallItem',
  access: 'member',
  run: async (ctx, member, input) => {
    const id = rowId(input.itemId)
    const found = id === null ? null : await findMallItem(ctx.tx, ctx.store.id, id)
    if (!found || (found.item.visibleFrom && found.item.visibleFrom.getTime() > ctx.now.getTime())) throw new AppError('MALL_ITEM_NOT_FOUND')
    const outlook = await readPointsOutlook(ctx.tx, member.id, ctx.now)
    const counts = await readQuotaCounts(ctx.tx, member.id, [found.item.id])
    return {
      balance: toBalanceView(ctx, outlook),
      item: toMallItemView(ctx, found, { memberTierCode: member.tierCode, usablePoints: outlook.usable, redeemedByMe: counts.get(quotaKeyOf(ctx, found.item)) ?? 0 }),
      description: found.item.description,
    }
  },
})
