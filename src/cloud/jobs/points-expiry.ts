import type { AppDeps } from '../app/deps'
import { anyPointsDue, expireDuePointsForMany, findMembersWithDuePoints } from '../db/repositories/points-ledger'
import type { ChunkInput, ChunkResult, JobDefinition } from './job'

export const POINTS_EXPIRY_CHUNK = 5_000

/**
 * 积分清零: expires every member's lots due at the run's time, one transaction per chunk of members (keyset by
 * member id), one 'expire' entry per member under the key a spend's own expiry uses, so the job and a spend at
 * the same moment never expire the same lots twice, a second run finds nothing due, and a run cut off resumes at
 * its cursor. Validity never waits for this job (a spend expires its member's due lots first; the card reads the
 * lots): it keeps balances and the ledger honest for the reports.
 */
export async function pointsExpiryChunk(deps: AppDeps, input: ChunkInput, limit = POINTS_EXPIRY_CHUNK): Promise<ChunkResult> {
  const storeId = input.store.id
  const run = await deps.db.transaction(async (tx) => {
    // 364 days a year nothing is due: one index probe and the run is over.
    if (!(await anyPointsDue(tx, storeId, input.asOf))) return { scanned: 0, lastId: null, members: 0, points: 0 }
    const scan = await findMembersWithDuePoints(tx, storeId, input.asOf, input.cursor === null ? null : Number(input.cursor), limit)
    const expired = await expireDuePointsForMany(tx, storeId, scan.memberIds, input.asOf)
    return { scanned: scan.scanned, lastId: scan.lastMemberId, ...expired }
  })
  return {
    cursor: run.lastId === null ? input.cursor : String(run.lastId),
    done: run.scanned < limit,
    counts: { scanned: run.scanned, expired: run.members, points: run.points },
  }
}

export const pointsExpiryJob: JobDefinition = {
  name: 'pointsExpiry',
  description: '积分清零：到期积分按会员写一条过期记录（每人每次到期一次）',
  // Just after midnight store time: the year's lots expire at 00:00 on 1 January, and spends expire them by
  // themselves before this runs.
  schedule: '5 0 * * *',
  wechatApis: [],
  leaseS: 10 * 60,
  chunk: (deps, input) => pointsExpiryChunk(deps, input),
}
