import type { CardView } from '../../../contract'
import { daysLeftToUse, inCountdownSeason, lastUsableDay } from '../../../domain/points-expiry'
import { mallItemsFor } from '../mall/mall-items-for'
import type { MemberRow } from '../../db/repositories/members'
import { readPointsOutlook } from '../../db/repositories/points-lots'
import type { UseCaseContext } from '../store-context'

/** Mall items shown in the 清零倒计时 block. */
export const COUNTDOWN_ITEMS = 3

export interface PointsOnCard {
  /** Usable now: due lots no one has expired yet do not count (validity is decided at display). */
  pointsBalance: number
  pointsExpiry: CardView['pointsExpiry']
}

/**
 * The balance and the soonest expiry as the card shows them at ctx.now, read from the lots (never from whether
 * the year-end job has run). In the countdown season (November and December for points ending that year) with up
 * to three mall items those points can buy now; outside it, no mall read at all.
 */
export async function pointsOnCard(ctx: UseCaseContext, member: MemberRow): Promise<PointsOnCard> {
  const outlook = await readPointsOutlook(ctx.tx, member.id, ctx.now)
  const next = outlook.nextExpiry
  if (!next || next.points <= 0) return { pointsBalance: outlook.usable, pointsExpiry: null }
  const zone = ctx.store.timezone
  const countdown = inCountdownSeason(ctx.now, next.expiresAt, zone)
  // The mall's own rule for 可兑 (window, tier, stock, the member's limit and points), dearest first: any redemption
  // spends the oldest lots first, so each of these uses the expiring points.
  const items = countdown
    ? (await mallItemsFor(ctx, member, outlook.usable))
        .filter((i) => i.state === 'redeemable')
        .sort((a, b) => b.pointsPrice - a.pointsPrice)
        .slice(0, COUNTDOWN_ITEMS)
    : []
  return {
    pointsBalance: outlook.usable,
    pointsExpiry: {
      points: next.points,
      lastDay: lastUsableDay(next.expiresAt, zone),
      daysLeft: daysLeftToUse(ctx.now, next.expiresAt, zone),
      countdown,
      items: items.map((i) => ({ id: i.id, name: i.name, pointsPrice: i.pointsPrice, imageUrl: i.imageUrl })),
    },
  }
}
