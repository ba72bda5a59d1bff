import { lotExpiry } from '../../../domain/points-expiry'
import type { PointsExpiryRule } from '../../../contract'
import { ledgerEntryDelta, setRewardEntry, type DoorRegistrationRow } from '../../db/repositories/event-door'
import { postPoints } from '../../db/repositories/points-ledger'
import { readPointsOutlook } from '../../db/repositories/points-lots'
import type { UseCaseContext } from '../store-context'

/**
 * The attendance reward: credited once per check-in (ledger 'event'), keyed by the registration and its
 * check-in count, so a retry cannot credit twice and a check-in after a void credits under a new key. The lot
 * expires by the store's rule, as the birthday points do.
 */
export async function creditAttendanceReward(ctx: UseCaseContext, r: DoorRegistrationRow, points: number, eventTitle: string): Promise<number> {
  if (points <= 0) return 0
  const posted = await postPoints(ctx.tx, {
    storeId: ctx.store.id,
    memberId: r.memberId,
    reason: 'event',
    delta: points,
    requestId: `event-attend:${r.id}:${r.checkInCount}`,
    note: `活动签到奖励：${eventTitle}`,
    expiresAt: lotExpiry(ctx.store.pointsExpiryRule as PointsExpiryRule, ctx.now, ctx.store.timezone),
    createdAt: ctx.now,
  })
  await setRewardEntry(ctx.tx, r.id, posted.entryId)
  return points
}

export interface RewardTakenBack {
  reward: number
  takenBack: number
  /** What could not be taken back: the member had already spent it (a balance never goes below zero). */
  shortfall: number
}

/**
 * A void's clawback of the check-in's reward (`before`: the registration as it was): at most what the member can
 * still use (the mall's reading of the usable balance; postPoints expires due lots first), taken from the reward's
 * own lot first. The caller holds the member's lock, so the balance read here is the one the debit sees.
 */
export async function takeBackAttendanceReward(ctx: UseCaseContext, before: DoorRegistrationRow, eventTitle: string): Promise<RewardTakenBack> {
  if (before.rewardEntryId === null) return { reward: 0, takenBack: 0, shortfall: 0 }
  const reward = (await ledgerEntryDelta(ctx.tx, before.rewardEntryId)) ?? 0
  const { usable } = await readPointsOutlook(ctx.tx, before.memberId, ctx.now)
  const takenBack = Math.max(0, Math.min(reward, usable))
  if (takenBack > 0) {
    await postPoints(ctx.tx, {
      storeId: ctx.store.id,
      memberId: before.memberId,
      reason: 'clawback',
      delta: -takenBack,
      requestId: `event-void:${before.id}:${before.checkInCount}`,
      note: `撤销活动签到：${eventTitle}`,
      expiresAt: null,
      createdAt: ctx.now,
      reversesEntryId: before.rewardEntryId,
    })
  }
  return { reward, takenBack, shortfall: reward - takenBack }
}
