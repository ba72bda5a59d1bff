import { asc, eq } from 'drizzle-orm'
import type { Tier } from '../../../domain/tiers'
import type { TierCode } from '../../../contract'
import type { Tx } from '../db'
import { stores, tiers } from '../schema'

export type StoreRow = typeof stores.$inferSelect

export async function findStoreByCode(tx: Tx, code: string): Promise<StoreRow | null> {
  const rows = await tx.select().from(stores).where(eq(stores.code, code)).limit(1)
  return rows[0] ?? null
}

export async function listTiers(tx: Tx, storeId: number): Promise<Tier[]> {
  const rows = await tx.select().from(tiers).where(eq(tiers.storeId, storeId)).orderBy(asc(tiers.minGrowth))
  // The CHECK constraint on tiers.code keeps this cast honest.
  return rows.map((r) => ({ code: r.code as TierCode, name: r.name, minGrowth: r.minGrowth, discountPct: r.discountPct }))
}
