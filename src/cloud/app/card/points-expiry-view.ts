import { mallImageUrl } from '../mall/mall-views'
import type { CardView } from '../../../contract'
import type { TierCode } from '../../../contract/enums'
import { daysLeftToUse, inCountdownSeason, lastUsableDay } from '../../../domain/points-expiry'
import { sortTiers } from '../../../domain/tiers'
import { findAffordableMallItems } from '../../db/repositories/mall-affordable'
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
  const items = countdown
    ? await findAffordableMallItems(ctx.tx, {
        storeId: member.storeId,
        // What the usable balance buys: any redemption spends the oldest lots first, so it uses the expiring points.
        points: outlook.usable,
        now: ctx.now,
        tiersAllowed: tiersUpTo(ctx, member.tierCode as TierCode),
        limit: COUNTDOWN_ITEMS,
      })
    : []
  return {
    pointsBalance: outlook.usable,
    pointsExpiry: {
      points: next.points,
      lastDay: lastUsableDay(next.expiresAt, zone),
      daysLeft: daysLeftToUse(ctx.now, next.expiresAt, zone),
      countdown,
      items: items.map((i) => ({ id: String(i.id), name: i.name, pointsPrice: i.pointsPrice, imageUrl: mallImageUrl(i.imageKey) })),
    },
  }
}

/** The member's tier and those below it: the items they may redeem ("金卡及以上可兑"). */
function tiersUpTo(ctx: UseCaseContext, code: TierCode): TierCode[] {
  const sorted = sortTiers(ctx.tiers).map((t) => t.code)
  const at = sorted.indexOf(code)
  return at < 0 ? [code] : sorted.slice(0, at + 1)
}
