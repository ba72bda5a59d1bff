import { eq, sql } from 'drizzle-orm'
import type { Role } from '../../../contract'
import { preparedStatement, type Tx } from '../db'
import { staff } from '../schema'

export type StaffRow = Omit<typeof staff.$inferSelect, 'role'> & { role: Exclude<Role, 'member'> }

/** A staff row as a raw statement returns it (times as text on node-postgres). */
interface StaffDbRow {
  id: number
  store_id: number
  openid: string
  name: string
  role: string
  active: boolean
  forged_blocked_until: string | Date | null
  created_at: string | Date
}

// On every staff call: built once, planned once per connection, the row mapped by hand.
const activeStaffByOpenid = preparedStatement<StaffDbRow, { storeId: number; openid: string }>(
  'active_staff_by_openid',
  sql`select id, store_id, openid, name, role, active, forged_blocked_until, created_at from ${staff}
    where store_id = ${sql.placeholder('storeId')} and openid = ${sql.placeholder('openid')} and active limit 1`,
)

export async function findActiveStaff(tx: Tx, storeId: number, openid: string): Promise<StaffRow | null> {
  const [row] = await activeStaffByOpenid(tx, { storeId, openid })
  return row ? toStaffRow(row) : null
}

function toStaffRow(r: StaffDbRow): StaffRow {
  return {
    id: r.id,
    storeId: r.store_id,
    openid: r.openid,
    name: r.name,
    // The CHECK constraint on staff.role keeps this cast honest.
    role: r.role as StaffRow['role'],
    active: r.active,
    forgedBlockedUntil: r.forged_blocked_until === null ? null : new Date(r.forged_blocked_until),
    createdAt: new Date(r.created_at),
  }
}

/** The forged-code limit's "blocked until" (till/forged-code-limit.ts); called with the staff row locked. */
export async function setForgedBlockedUntil(tx: Tx, staffId: number, until: Date): Promise<void> {
  await tx.update(staff).set({ forgedBlockedUntil: until }).where(eq(staff.id, staffId))
}
