import { asc, eq, sql } from 'drizzle-orm'
import type { Tier } from '../../../domain/tiers'
import type { TierCode } from '../../../contract'
import { preparedStatement, type Tx } from '../db'
import { stores, tiers } from '../schema'

export type StoreRow = typeof stores.$inferSelect

export async function findStoreByCode(tx: Tx, code: string): Promise<StoreRow | null> {
  const rows = await tx.select().from(stores).where(eq(stores.code, code)).limit(1)
  return rows[0] ?? null
}

/**
 * The store and its tiers in one round trip: every API call needs both, so this is on the hot path of the till.
 * Null when the store does not exist; a store without tiers comes back with an empty list.
 */
export async function findStoreWithTiers(tx: Tx, code: string): Promise<{ store: StoreRow; tiers: Tier[] } | null> {
  const rows = await tx
    .select({ store: stores, tier: tiers })
    .from(stores)
    .leftJoin(tiers, eq(tiers.storeId, stores.id))
    .where(eq(stores.code, code))
    .orderBy(asc(tiers.minGrowth))
  if (rows.length === 0) return null
  const list = rows.flatMap(({ tier: t }) =>
    t ? [{ code: t.code as TierCode, name: t.name, minGrowth: t.minGrowth, discountPct: t.discountPct }] : [],
  )
  return { store: rows[0].store, tiers: list }
}

const configVersionOf = preparedStatement<{ v: number | string }, { code: string }>(
  'store_config_version',
  sql`select config_version as v from ${stores} where code = ${sql.placeholder('code')}`,
)

/**
 * The store's config_version (bumped by a trigger on any change to the store or its tiers), or null when the
 * store does not exist: one tiny indexed read, for a cache to tell whether what it holds is still current.
 */
export async function findStoreConfigVersion(tx: Tx, code: string): Promise<number | null> {
  const [row] = await configVersionOf(tx, { code })
  return row ? Number(row.v) : null
}
