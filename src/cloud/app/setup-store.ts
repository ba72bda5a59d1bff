import type { Tier } from '../../domain/tiers'
import type { AppConfig } from '../config'
import type { Db, Tx } from '../db'
import { insertStaffIfAbsent, insertStore, insertTiers, lockStoreSetup } from '../db/repositories/store-setup'
import type { StaffRow } from '../db/repositories/staff'
import { findStoreByCode } from '../db/repositories/stores'
import { STORE_CODE } from './store-context'

/** The product's default tiers: store configuration from then on, changed in the database, not in code. */
export const DEFAULT_TIERS: readonly Tier[] = [
  { code: 'normal', name: '普通', minGrowth: 0, discountPct: 90 },
  { code: 'silver', name: '银卡', minGrowth: 1000, discountPct: 85 },
  { code: 'gold', name: '金卡', minGrowth: 5000, discountPct: 80 },
  { code: 'diamond', name: '钻石', minGrowth: 20000, discountPct: 75 },
]

export interface StoreSettings {
  name: string
  pointsPerYuan?: number
  growthPerYuan?: number
}

/**
 * Creates the store and its default tiers unless they exist: a production database needs this once after
 * migrating (the demo seed does it for local use). Returns whether it created anything. Race-safe: an advisory
 * lock makes two first-time setups take turns.
 */
export async function setupStore(db: Db, settings: StoreSettings, config: AppConfig): Promise<{ storeId: number; created: boolean }> {
  return db.transaction((tx) => setupStoreIn(tx, settings, config))
}

export async function setupStoreIn(tx: Tx, settings: StoreSettings, config: AppConfig): Promise<{ storeId: number; created: boolean }> {
  await lockStoreSetup(tx)
  const existing = await findStoreByCode(tx, STORE_CODE)
  if (existing) return { storeId: existing.id, created: false }
  const storeId = await insertStore(tx, {
    code: STORE_CODE,
    name: settings.name,
    timezone: config.timezone,
    pointsPerYuan: settings.pointsPerYuan ?? 1,
    growthPerYuan: settings.growthPerYuan ?? 1,
  })
  await insertTiers(tx, storeId, DEFAULT_TIERS)
  return { storeId, created: true }
}

/** Gives a WeChat user (by OPENID) a staff role in the store; a second call for the same OPENID changes nothing. */
export async function addStaff(db: Db, openid: string, name: string, role: StaffRow['role']): Promise<{ created: boolean }> {
  return db.transaction(async (tx) => {
    const store = await findStoreByCode(tx, STORE_CODE)
    if (!store) throw new Error(`store '${STORE_CODE}' is not set up: run the store setup first`)
    return { created: await insertStaffIfAbsent(tx, store.id, openid, name, role) }
  })
}
