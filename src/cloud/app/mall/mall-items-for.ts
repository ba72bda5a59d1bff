import type { MallItemView } from '../../../contract'
import { listVisibleMallItems } from '../../db/repositories/mall-items'
import { readQuotaCounts } from '../../db/repositories/mall-quota'
import type { MemberRow } from '../../db/repositories/members'
import type { UseCaseContext } from '../store-context'
import { quotaKeyOf, toMallItemView } from './mall-views'

/**
 * The items visible now, each with its state for this member (window, tier, stock, their limit, their points):
 * the one rule for "可兑" that the mall tab and the card's 清零倒计时 both show.
 */
export async function mallItemsFor(ctx: UseCaseContext, member: Pick<MemberRow, 'id' | 'tierCode'>, usablePoints: number): Promise<MallItemView[]> {
  const items = await listVisibleMallItems(ctx.tx, ctx.store.id, ctx.now)
  const counts = await readQuotaCounts(ctx.tx, member.id, items.map((i) => i.item.id))
  return items.map((i) => toMallItemView(ctx, i, { memberTierCode: member.tierCode, usablePoints, redeemedByMe: counts.get(quotaKeyOf(ctx, i.item)) ?? 0 }))
}
