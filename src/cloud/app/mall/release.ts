import { giveBackMallStock } from '../../db/repositories/mall-items'
import { giveBackQuota } from '../../db/repositories/mall-quota'
import { closeRedemption, recordReturnedPoints, type Closing, type RedemptionRow } from '../../db/repositories/mall-redemptions'
import { lockMemberForIssue } from '../../db/repositories/member-coupons'
import { postPoints } from '../../db/repositories/points-ledger'
import { readReturnablePoints } from '../../db/repositories/points-lots'
import type { UseCaseContext } from '../store-context'

export interface Released {
  redemption: RedemptionRow
  pointsReturned: number
  /** The member's balance after the refund (or as it was when nothing came back). */
  pointsBalance: number
}

/**
 * Releases a redemption (the member's cancel, the expiry job, a manager's return), once:
 *  1. the member's row is locked first, as a redemption locks it first, so a member's cancel and their own
 *     redemption at the same moment take turns instead of deadlocking over the item row;
 *  2. the guarded status change (`from` → closing.status): a second release finds nothing and returns null;
 *  3. the stock and the quota are given back;
 *  4. the points the debit took from lots still open now come back as a 'refund' reversing it, into those lots.
 *     Points whose lots expired meanwhile are not returned (a release cannot extend a lot's life); 0: no entry.
 */
export async function releaseRedemption(ctx: UseCaseContext, r: Pick<RedemptionRow, 'id' | 'memberId'>, from: 'held' | 'picked_up', closing: Closing): Promise<Released | null> {
  const member = await lockMemberForIssue(ctx.tx, r.memberId)
  if (!member) throw new Error(`releaseRedemption: member ${r.memberId} not found`)
  const closed = await closeRedemption(ctx.tx, r.id, from, closing)
  if (!closed) return null
  await giveBackMallStock(ctx.tx, closed.itemId, closed.quantity)
  await giveBackQuota(ctx.tx, { itemId: closed.itemId, memberId: closed.memberId, periodKey: closed.periodKey }, closed.quantity)
  const returnable = closed.debitEntryId === null ? 0 : await readReturnablePoints(ctx.tx, closed.debitEntryId, ctx.now)
  let pointsBalance = member.pointsBalance
  let refundEntryId: number | null = null
  // A closed card keeps its ledger as it is: nothing to return to.
  if (returnable > 0 && member.status === 'active') {
    const posted = await postPoints(ctx.tx, {
      storeId: closed.storeId,
      memberId: closed.memberId,
      reason: 'refund',
      delta: returnable,
      requestId: `mall_refund:${closed.id}`,
      note: refundNote(closing.status, closed.itemName),
      expiresAt: null,
      createdAt: ctx.now,
      reversesEntryId: closed.debitEntryId,
    })
    pointsBalance = posted.pointsBalance
    refundEntryId = posted.entryId
  }
  const pointsReturned = refundEntryId === null ? 0 : returnable
  await recordReturnedPoints(ctx.tx, closed.id, refundEntryId, pointsReturned)
  return { redemption: { ...closed, refundEntryId, pointsReturned }, pointsReturned, pointsBalance }
}

function refundNote(status: Closing['status'], itemName: string): string {
  const why = status === 'cancelled' ? '取消兑换' : status === 'expired' ? '兑换超期未领取' : '礼品退回'
  return `${why}：${itemName}`
}

