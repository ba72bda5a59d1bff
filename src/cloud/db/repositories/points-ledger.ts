import { and, desc, eq, lt, sql } from 'drizzle-orm'
import { AppError } from '../../../contract/errors'
import type { LedgerReason, TierCode } from '../../../contract/enums'
import { executeRows, type Tx } from '../db'
import { members, pointsLedger } from '../schema'

export type LedgerRow = typeof pointsLedger.$inferSelect

export interface PointsMovement {
  storeId: number
  memberId: number
  reason: LedgerReason
  /** Positive credits, negative debits; never 0 (a CHECK refuses it). */
  delta: number
  /**
   * The idempotency key, unique per store: a replay fails instead of moving points twice. Callers claim their
   * own key first where they have one (a purchase claims its receipt row), so a retry stops before this.
   */
  requestId: string
  note: string | null
  /** When the credited points expire; null for debits. */
  expiresAt: Date | null
  createdAt: Date
  /** Growth to add in the same statement (a purchase earns both); default 0. */
  growthDelta?: number
}

export interface PostedPoints {
  entryId: number
  pointsBalance: number
  growth: number
  tierCode: TierCode
}

/**
 * The one way points move. In ONE statement: the member's balance changes by `delta` only if the result stays
 * >= 0 and the card is active (the guard; it also locks the row for the rest of the transaction), and the ledger
 * entry is inserted from the updated row, so there can be no balance change without its entry or the reverse.
 * A debit larger than the balance is refused with POINTS_INSUFFICIENT and writes nothing, rather than tripping
 * the CHECK (points_balance >= 0) and surfacing as INTERNAL.
 * Nothing else writes points_ledger or members.points_balance (tests/integration/points-writers.test.ts checks).
 * Design note for expiry lots (points mall): lots will be consumed here, oldest first, behind this signature.
 */
export async function postPoints(tx: Tx, movement: PointsMovement): Promise<PostedPoints> {
  const { storeId, memberId, reason, delta, requestId, note, expiresAt, createdAt } = movement
  const growthDelta = movement.growthDelta ?? 0
  if (!Number.isSafeInteger(delta) || delta === 0) throw new Error(`postPoints: delta must be a non-zero integer, got ${delta}`)
  type Posted = { entry_id: number | string; points_balance: number; growth: number; tier_code: string }
  const [row] = await executeRows<Posted>(tx.execute(sql`
    with updated as (
      update ${members}
      set points_balance = points_balance + ${delta}, growth = growth + ${growthDelta}
      where id = ${memberId} and store_id = ${storeId} and status = 'active' and points_balance + ${delta} >= 0
      returning id, store_id, points_balance, growth, tier_code
    ), entry as (
      insert into ${pointsLedger} (store_id, member_id, reason, delta, request_id, note, expires_at, created_at)
      select store_id, id, ${reason}, ${delta}, ${requestId}, ${note}, ${expiresAt?.toISOString() ?? null}::timestamptz,
        ${createdAt.toISOString()}::timestamptz
      from updated
      returning id
    )
    select entry.id as entry_id, updated.points_balance, updated.growth, updated.tier_code
    from updated cross join entry`))
  if (row) {
    return { entryId: Number(row.entry_id), pointsBalance: Number(row.points_balance), growth: Number(row.growth), tierCode: row.tier_code as TierCode }
  }
  // Nothing moved: say why (read only on this rare path).
  const [member] = await tx
    .select({ status: members.status, pointsBalance: members.pointsBalance })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.storeId, storeId)))
  if (!member) throw new Error(`postPoints: member ${memberId} not found in store ${storeId}`)
  if (member.status !== 'active') throw new AppError('MEMBER_CLOSED')
  throw new AppError('POINTS_INSUFFICIENT', `积分不足：需要 ${-delta} 积分，当前只有 ${member.pointsBalance} 积分`)
}

/** One page of a member's entries, newest first; `beforeId` is the keyset cursor (the last id seen). */
export async function listLedgerPage(tx: Tx, memberId: number, beforeId: number | null, limit: number): Promise<LedgerRow[]> {
  const where = beforeId === null ? eq(pointsLedger.memberId, memberId) : and(eq(pointsLedger.memberId, memberId), lt(pointsLedger.id, beforeId))
  return tx.select().from(pointsLedger).where(where).orderBy(desc(pointsLedger.id)).limit(limit)
}
