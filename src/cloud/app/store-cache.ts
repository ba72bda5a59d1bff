import { performance } from 'node:perf_hooks'
import type { NotificationKind } from '../../contract/enums'
import type { Tier } from '../../domain/tiers'
import type { Db, Tx } from '../db'
import { listNotificationTemplates, type NotificationTemplateRow } from '../db/repositories/notification-templates'
import { findStoreConfigVersion, findStoreWithTiers, type StoreRow } from '../db/repositories/stores'

/**
 * However the version check behaves, an entry older than this is reloaded: the bound on staleness if a change
 * ever reached the database without moving stores.config_version (the triggers of migrations 0005 and 0006 make that
 * impossible for ordinary UPDATE/INSERT/DELETE/TRUNCATE).
 */
export const STORE_CACHE_MAX_AGE_MS = 60_000

/** A store's configuration: the store row, its tiers and its notification templates (by kind). */
export interface StoreConfig {
  store: StoreRow
  tiers: Tier[]
  notificationTemplates: ReadonlyMap<NotificationKind, NotificationTemplateRow>
}

interface Entry extends StoreConfig {
  loadedAtMs: number
}

/** Reads a store's whole configuration (two queries: only when a cache misses, or without a cache). */
export async function loadStoreConfig(tx: Tx, code: string): Promise<StoreConfig | null> {
  const found = await findStoreWithTiers(tx, code)
  if (!found) return null
  const templates = await listNotificationTemplates(tx, found.store.id)
  return { ...found, notificationTemplates: new Map(templates.map((t) => [t.kind as NotificationKind, t])) }
}

/**
 * The store's configuration (StoreConfig), per process and per database, so a call reads one number
 * (stores.config_version) instead of the store, its tiers and its templates. Exact across instances: the version
 * is read inside the call's own transaction, and triggers bump it on any change to the store row, its tiers or
 * its notification templates (migrations 0005, 0006), so the next call after a change commits sees it, in this
 * process or any other. Entries are frozen: shared by calls.
 */
export class StoreCache {
  private readonly entries = new Map<string, Entry>()

  /** `nowMs` is injectable for tests (a monotonic clock, not the business clock). */
  constructor(private readonly nowMs: () => number = () => performance.now()) {}

  /**
   * `knownVersion`: the store's config_version as the caller already read it in this transaction (a staff call
   * reads it with the staff row), or undefined to have it read here.
   */
  async get(tx: Tx, code: string, knownVersion?: number | null): Promise<StoreConfig | null> {
    const cached = this.entries.get(code)
    if (cached && this.nowMs() - cached.loadedAtMs < STORE_CACHE_MAX_AGE_MS) {
      const version = knownVersion !== undefined ? knownVersion : await findStoreConfigVersion(tx, code)
      if (version === cached.store.configVersion) return cached
    }
    const found = await loadStoreConfig(tx, code)
    if (!found) {
      this.entries.delete(code)
      return null
    }
    for (const template of found.notificationTemplates.values()) Object.freeze(Object.freeze(template).fields)
    const entry: Entry = {
      store: Object.freeze(found.store),
      tiers: Object.freeze(found.tiers.map((t) => Object.freeze(t))) as Tier[],
      notificationTemplates: found.notificationTemplates,
      loadedAtMs: this.nowMs(),
    }
    this.entries.set(code, entry)
    return entry
  }

  /** Forgets everything: the next call reloads. */
  clear(): void {
    this.entries.clear()
  }
}

const caches = new WeakMap<Db, StoreCache>()

/** One cache per database handle: tests and tools open several databases in one process. */
export function storeCacheFor(db: Db): StoreCache {
  let cache = caches.get(db)
  if (!cache) {
    cache = new StoreCache()
    caches.set(db, cache)
  }
  return cache
}
