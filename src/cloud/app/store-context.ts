import { AppError } from '../../contract'
import type { Tier } from '../../domain/tiers'
import type { AppConfig } from '../config'
import type { Tx } from '../db'
import type { StoreRow } from '../db/repositories/stores'
import { loadStoreConfig, type StoreCache, type StoreConfig } from './store-cache'

/**
 * One deployment serves one store today; the schema is already per store so a chain can follow by resolving
 * the store from the caller (WeChat app id) instead of this constant.
 */
export const STORE_CODE = 'main'

/** Everything a use case gets: its transaction, the store's configuration, the config and the clock. */
export interface UseCaseContext {
  tx: Tx
  store: StoreRow
  /** Shared between calls (store-cache.ts): read-only. */
  tiers: readonly Tier[]
  /** The store's WeChat template per notification kind (none: in-app only). Shared between calls: read-only. */
  notificationTemplates: StoreConfig['notificationTemplates']
  config: AppConfig
  now: Date
  /** What the call did that someone must hear about after commit (dispatch reads it). */
  effects: { notificationsQueued: number }
}

/**
 * With a cache (dispatch passes one per database), a call costs one small read unless the store changed, and
 * none when the caller already read the store's config_version in this transaction (`knownVersion`).
 */
export async function loadStoreContext(tx: Tx, config: AppConfig, now: Date, cache?: StoreCache, knownVersion?: number | null): Promise<UseCaseContext> {
  const found = cache ? await cache.get(tx, STORE_CODE, knownVersion) : await loadStoreConfig(tx, STORE_CODE)
  // A missing store is a deployment mistake, not the caller's: it surfaces as INTERNAL and in the logs.
  if (!found) throw new Error(`store '${STORE_CODE}' is not set up (run npm run store -- init, or seedDemoData locally)`)
  const { store, tiers, notificationTemplates } = found
  if (!tiers.some((t) => t.minGrowth === 0)) throw new Error(`store '${STORE_CODE}' has no entry tier (min_growth 0)`)
  return { tx, store, tiers, notificationTemplates, config, now, effects: { notificationsQueued: 0 } }
}

/** For rules that depend on the caller holding an active card. */
export function assertActive(member: { status: string }): void {
  if (member.status !== 'active') throw new AppError('MEMBER_CLOSED')
}
