import { sql } from 'drizzle-orm'
import { executeRows, type Tx } from '../db'
import { members, pointsLots } from '../schema'

/** Reads of the points lots (written only by the ledger's trigger, migration 0008). */

export interface PointsOutlook {
  /** The stored balance (Σ ledger). */
  balance: number
  /** What can be spent now: the balance less lots already due that no one has expired yet (the job may not have run). */
  usable: number
  /** The soonest expiry among the open lots, and how many points expire then; null when none expire. */
  nextExpiry: { points: number; expiresAt: Date } | null
}

/**
 * The member's balance as the card and 积分明细 show it at `now`: validity is decided from the lots' stored
 * expiry at the moment of display, never by the year-end job having run.
 */
export async function readPointsOutlook(tx: Tx, memberId: number, now: Date): Promise<PointsOutlook> {
  const at = now.toISOString()
  const [row] = await executeRows<{ balance: number; due: number | string; next_points: number | string | null; next_at: string | Date | null }>(
    tx.execute(sql`
      select m.points_balance as balance,
        coalesce((select sum(remaining) from ${pointsLots} where member_id = m.id and remaining > 0 and expires_at <= ${at}::timestamptz), 0) as due,
        n.points as next_points, n.expires_at as next_at
      from ${members} m
      left join lateral (
        select sum(remaining) as points, expires_at from ${pointsLots}
        where member_id = m.id and remaining > 0 and expires_at > ${at}::timestamptz
        group by expires_at order by expires_at limit 1
      ) n on true
      where m.id = ${memberId}`),
  )
  if (!row) return { balance: 0, usable: 0, nextExpiry: null }
  const balance = Number(row.balance)
  return {
    balance,
    usable: balance - Number(row.due),
    nextExpiry: row.next_at === null ? null : { points: Number(row.next_points), expiresAt: new Date(row.next_at) },
  }
}

/**
 * What a refund of the debit `debitEntryId` would put back at `now`: the points it took from lots that are still
 * open then (never-expiring, or expiring after now), less what earlier refunds of it gave back. Points whose lots
 * have expired meanwhile are not returned (a stated rule: a release cannot extend a lot's life). Mirrors the
 * trigger's refund rule (migration 0008), so a 'refund' of exactly this amount lands in those lots, none in a new one.
 */
export async function readReturnablePoints(tx: Tx, debitEntryId: number, now: Date): Promise<number> {
  const [row] = await executeRows<{ points: number | string | null }>(
    tx.execute(sql`
      with owed as (
        select mv.lot_id, -sum(mv.amount) as owed
        from points_ledger e
        join points_lot_moves mv on mv.entry_id = e.id
        where e.id = ${debitEntryId} or e.reverses_entry_id = ${debitEntryId}
        group by mv.lot_id
        having -sum(mv.amount) > 0
      )
      select coalesce(sum(o.owed), 0) as points
      from owed o join ${pointsLots} l on l.id = o.lot_id
      where l.expires_at is null or l.expires_at > ${now.toISOString()}::timestamptz`),
  )
  return Number(row?.points ?? 0)
}
