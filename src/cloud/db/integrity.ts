import { count, sql } from 'drizzle-orm'
import { executeRows, type Db } from './db'
import { auditLog, members, notifications, pointsLedger, pointsLots, purchases, staff } from './schema'

export interface LedgerMismatch {
  memberId: number
  pointsBalance: number
  ledgerSum: number
  /** Σ remaining of the member's points lots. */
  lotSum: number
}

/**
 * Members whose cached balance differs from the sum of their ledger or from the points left in their lots:
 * must always be empty (Σ lots.remaining = balance = Σ ledger). Used by the tests after every scenario; a nightly
 * job could run the same check.
 */
export async function findLedgerMismatches(db: Db): Promise<LedgerMismatch[]> {
  const rows = await executeRows<{ member_id: number | string; points_balance: number; ledger_sum: string | null; lot_sum: string | null }>(
    db.execute(sql`
      select m.id as member_id, m.points_balance, l.total as ledger_sum, lt.total as lot_sum
      from ${members} m
      left join (select member_id, sum(delta) as total from ${pointsLedger} group by member_id) l on l.member_id = m.id
      left join (select member_id, sum(remaining) as total from ${pointsLots} group by member_id) lt on lt.member_id = m.id
      where m.points_balance <> coalesce(l.total, 0) or m.points_balance <> coalesce(lt.total, 0)`),
  )
  return rows.map((r) => ({
    memberId: Number(r.member_id),
    pointsBalance: Number(r.points_balance),
    ledgerSum: Number(r.ledger_sum ?? 0),
    lotSum: Number(r.lot_sum ?? 0),
  }))
}

export interface RowCounts {
  members: number
  pointsLedger: number
  purchases: number
  auditLog: number
  staff: number
  notifications: number
}

/** Row counts of the tables a call can write, for "nothing was written" checks. */
export async function countRows(db: Db): Promise<RowCounts> {
  const one = async (table: typeof members | typeof pointsLedger | typeof purchases | typeof auditLog | typeof staff | typeof notifications) =>
    (await db.select({ n: count() }).from(table))[0].n
  return {
    members: await one(members),
    pointsLedger: await one(pointsLedger),
    purchases: await one(purchases),
    auditLog: await one(auditLog),
    staff: await one(staff),
    notifications: await one(notifications),
  }
}
