import { sql } from 'drizzle-orm'
import { executeRows, preparedStatement, type Tx } from '../db'
import { auditLog } from '../schema'

export interface AuditEntry {
  staffId: number | null
  action: string
  memberId: number | null
  /** What was read or changed; never phone numbers or birthdays in clear. */
  detail: Record<string, unknown>
  createdAt: Date
}

const insertAudit = preparedStatement<never, Record<'staffId' | 'action' | 'memberId' | 'detail' | 'createdAt', unknown>>(
  'audit_insert',
  sql`insert into ${auditLog} (staff_id, action, member_id, detail, created_at)
      values (${sql.placeholder('staffId')}::int, ${sql.placeholder('action')}, ${sql.placeholder('memberId')}::bigint,
        ${sql.placeholder('detail')}::jsonb, ${sql.placeholder('createdAt')}::timestamptz)`,
)

/** On every staff call: a prepared statement (see preparedStatement). */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await insertAudit(tx, { ...entry, detail: JSON.stringify(entry.detail), createdAt: entry.createdAt.toISOString() })
}

export interface RecentActions {
  count: number
  /** When the oldest of them was written, or null when there are none. */
  oldestAt: Date | null
}

/**
 * Locks the staff row for the rest of the transaction, then counts that staff member's `action` entries written
 * after `since`. The lock makes one person's concurrent calls take turns, so a limit checked against this count
 * holds exactly, across function instances. Two statements on purpose: under READ COMMITTED a statement that
 * waited for the lock still reads with the snapshot it started with, so the count must be a statement that
 * starts after the lock is held. NO KEY UPDATE, not UPDATE: the lock must not block the KEY SHARE lock every
 * audit or purchase row referencing this staff member takes, or a forged code being counted would stall that
 * clerk's genuine lookups and purchases.
 */
export async function lockStaffAndCountRecent(tx: Tx, staffId: number, action: string, since: Date): Promise<RecentActions> {
  const locked = await executeRows<{ id: number }>(tx.execute(sql`select id from staff where id = ${staffId} for no key update`))
  if (locked.length === 0) throw new Error(`lockStaffAndCountRecent: staff ${staffId} not found`)
  const [row] = await executeRows<{ n: number | string; oldest_s: number | string | null }>(
    tx.execute(sql`
      select count(*) as n, extract(epoch from min(created_at)) as oldest_s
      from audit_log
      where staff_id = ${staffId} and action = ${action} and created_at > ${since.toISOString()}::timestamptz`),
  )
  return { count: Number(row.n), oldestAt: row.oldest_s === null ? null : new Date(Number(row.oldest_s) * 1000) }
}
