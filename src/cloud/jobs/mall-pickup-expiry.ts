import { redemptionExpiredNotification } from '../../domain/notifications/mall-notifications'
import type { AppDeps } from '../app/deps'
import { releaseRedemption } from '../app/mall/release'
import { enqueueNotification } from '../app/notifications/enqueue'
import { loadStoreContext } from '../app/store-context'
import { findDueHeldRedemptions } from '../db/repositories/mall-redemptions'
import type { ChunkInput, ChunkResult, JobDefinition } from './job'

export const PICKUP_EXPIRY_CHUNK = 500

/**
 * Releases the gifts not picked up in time (pickup_expires_at ≤ the run's time) as 'expired': the stock and quota
 * return and the points go back into their lots (those still open), with 「兑换已过期」 queued for the member, one
 * transaction per chunk. The till and 我的兑换 already refuse or show them as expired from their stored window, so
 * the job only tidies; each release is guarded by the status (held → expired), so a second or resumed run, or a
 * member's cancel at the same moment, releases nothing twice.
 */
export async function mallPickupExpiryChunk(deps: AppDeps, input: ChunkInput, limit = PICKUP_EXPIRY_CHUNK): Promise<ChunkResult> {
  const run = await deps.db.transaction(async (tx) => {
    const ctx = await loadStoreContext(tx, deps.config, input.asOf)
    const due = await findDueHeldRedemptions(tx, ctx.store.id, ctx.now, input.cursor === null ? null : Number(input.cursor), limit)
    let expired = 0
    let pointsReturned = 0
    for (const r of due) {
      const released = await releaseRedemption(ctx, r, 'held', { status: 'expired', at: ctx.now, staffId: null, reason: '超过领取期限' })
      if (!released) continue
      expired++
      pointsReturned += released.pointsReturned
      await enqueueNotification(ctx, r.memberId, redemptionExpiredNotification({ redemptionId: r.id, itemName: r.itemName, pointsReturned: released.pointsReturned }))
    }
    return { scanned: due.length, lastId: due.at(-1)?.id ?? null, expired, pointsReturned }
  })
  return {
    cursor: run.lastId === null ? input.cursor : String(run.lastId),
    done: run.scanned < limit,
    counts: { scanned: run.scanned, expired: run.expired, pointsReturned: run.pointsReturned },
  }
}

export const mallPickupExpiryJob: JobDefinition = {
  name: 'mallPickupExpiry',
  description: '积分商城礼品超期未领取：释放库存并退回积分',
  // Just after midnight store time: the window's bound is midnight, so yesterday's last day is over.
  schedule: '10 0 * * *',
  wechatApis: [],
  leaseS: 10 * 60,
  chunk: (deps, input) => mallPickupExpiryChunk(deps, input),
}
