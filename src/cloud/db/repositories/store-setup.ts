import { sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { staff, stores, tiers } from '../schema'
import type { Tier } from '../../../domain/tiers'
import type { StaffRow } from './staff'

/** Any stable number: makes concurrent first-time setups (two gateway starts) take turns. */
const SETUP_LOCK_KEY = 7_310_002

/** Held until the transaction ends. */
export async function lockStoreSetup(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`)
}

export interface NewStore {
  code: string
  name: string
  timezone: string
  pointsPerYuan: number
  growthPerYuan: number
}

export async function insertStore(tx: Tx, store: NewStore): Promise<number> {
  const rows = await tx.insert(stores).values(store).returning({ id: stores.id })
  return rows[0].id
}

export async function insertTiers(tx: Tx, storeId: number, list: readonly Tier[]): Promise<void> {
  await tx.insert(tiers).values(list.map((t) => ({ storeId, ...t })))
}

export async function insertStaff(tx: Tx, storeId: number, openid: string, name: string, role: StaffRow['role']): Promise<number> {
  const rows = await tx.insert(staff).values({ storeId, openid, name, role }).returning({ id: staff.id })
  return rows[0].id
}

/** Unique (store, openid) makes a repeated or concurrent grant a no-op; returns whether a row was added. */
export async function insertStaffIfAbsent(tx: Tx, storeId: number, openid: string, name: string, role: StaffRow['role']): Promise<boolean> {
  const rows = await tx.insert(staff).values({ storeId, openid, name, role }).onConflictDoNothing().returning({ id: staff.id })
  return rows.length > 0
}
