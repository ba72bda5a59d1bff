import { count, eq, sql } from 'drizzle-orm'
import type { Db } from './db'
import { auditLog, members, notifications, pointsLedger, purchases, staff } from './schema'

export interface LedgerMismatch {
  memberId: number
  pointsBalance: number
  ledgerSum: number
}

/**
 * Members whose cached balance differs from the sum of their ledger: must always be empty.
 * Used by the tests after every scenario; a nightly job could run the same check.
 */
export async function findLedgerMismatches(db: Db): Promise<LedgerMismatch[]> {
  const sums = db
    .select({ memberId: pointsLedger.memberId, total: sql<string>`sum(${pointsLedger.delta})`.as('total') })
    .from(pointsLedger)
    .groupBy(pointsLedger.memberId)
    .as('sums')
  const rows = await db
    .select({ memberId: members.id, pointsBalance: members.pointsBalance, ledgerSum: sql<string>`coalesce(${sums.total}, 0)` })
    .from(members)
    .leftJoin(sums, eq(sums.memberId, members.id))
    .where(sql`${members.pointsBalance} <> coalesce(${sums.total}, 0)`)
  return rows.map((r) => ({ memberId: r.memberId, pointsBalance: r.pointsBalance, ledgerSum: Number(r.ledgerSum) }))
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
