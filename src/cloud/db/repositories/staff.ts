import { and, eq, sql } from 'drizzle-orm'
import type { Role } from '../../../contract'
import type { Tx } from '../db'
import { staff } from '../schema'

export type StaffRow = Omit<typeof staff.$inferSelect, 'role'> & { role: Exclude<Role, 'member'> }

export async function findActiveStaff(tx: Tx, storeId: number, openid: string): Promise<StaffRow | null> {
  // Prepared (on every staff call): PostgreSQL plans it once per connection.
  const rows = await tx
    .select()
    .from(staff)
    .where(and(eq(staff.storeId, sql.placeholder('storeId')), eq(staff.openid, sql.placeholder('openid')), eq(staff.active, true)))
    .limit(1)
    .prepare('active_staff_by_openid')
    .execute({ storeId, openid })
  const row = rows[0]
  // The CHECK constraint on staff.role keeps this cast honest.
  return row ? { ...row, role: row.role as StaffRow['role'] } : null
}

/** The forged-code limit's "blocked until" (till/forged-code-limit.ts); called with the staff row locked. */
export async function setForgedBlockedUntil(tx: Tx, staffId: number, until: Date): Promise<void> {
  await tx.update(staff).set({ forgedBlockedUntil: until }).where(eq(staff.id, staffId))
}
