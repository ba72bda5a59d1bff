import { eq, sql } from 'drizzle-orm'
import type { Role } from '../../../contract'
import { preparedStatement, type Tx } from '../db'
import { staff, stores } from '../schema'

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

const storeVersionAndActiveStaff = preparedStatement<{ [K in keyof StaffDbRow]: StaffDbRow[K] | null } & { config_version: number | string }, { storeCode: string; openid: string }>(
  'store_version_and_active_staff',
  sql`select st.config_version, s.id, s.store_id, s.openid, s.name, s.role, s.active, s.forged_blocked_until, s.created_at
    from ${stores} st left join ${staff} s on s.store_id = st.id and s.openid = ${sql.placeholder('openid')} and s.active
    where st.code = ${sql.placeholder('storeCode')}`,
)

/**
 * A staff call's first read: the store's config_version (for the store cache) and the caller's active staff row
 * in that store, in one round trip. `configVersion` null: no such store.
 */
export async function findStoreVersionAndActiveStaff(tx: Tx, storeCode: string, openid: string): Promise<{ configVersion: number | null; staff: StaffRow | null }> {
  const [row] = await storeVersionAndActiveStaff(tx, { storeCode, openid })
  if (!row) return { configVersion: null, staff: null }
  return { configVersion: Number(row.config_version), staff: row.id === null ? null : toStaffRow(row as StaffDbRow) }
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
