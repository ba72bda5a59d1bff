import { performance } from 'node:perf_hooks'
import type { Tier } from '../../domain/tiers'
import type { Db, Tx } from '../db'
import { findStoreConfigVersion, findStoreWithTiers, type StoreRow } from '../db/repositories/stores'

/**
 * However the version check behaves, an entry older than this is reloaded: the bound on staleness if a change
 * ever reached the database without moving stores.config_version (the triggers of migration 0005 make that
 * impossible for ordinary UPDATE/INSERT/DELETE/TRUNCATE).
 */
export const STORE_CACHE_MAX_AGE_MS = 60_000

export interface StoreWithTiers {
  store: StoreRow
  tiers: Tier[]
}

interface Entry extends StoreWithTiers {
  loadedAtMs: number
}

/**
 * The store and its tiers, per process and per database, so a call reads one number (stores.config_version)
 * instead of the store and all its tiers. Exact across instances: the version is read inside the call's own
 * transaction, and a trigger bumps it on any change to the store row or its tiers, so the next call after a
 * tier change commits sees the new tiers, in this process or any other. Entries are frozen: shared by calls.
 */
export class StoreCache {
  private readonly entries = new Map<string, Entry>()

  /** `nowMs` is injectable for tests (a monotonic clock, not the business clock). */
  constructor(private readonly nowMs: () => number = () => performance.now()) {}

  async get(tx: Tx, code: string): Promise<StoreWithTiers | null> {
    const cached = this.entries.get(code)
    if (cached && this.nowMs() - cached.loadedAtMs < STORE_CACHE_MAX_AGE_MS) {
      const version = await findStoreConfigVersion(tx, code)
      if (version === cached.store.configVersion) return cached
    }
    const found = await findStoreWithTiers(tx, code)
    if (!found) {
      this.entries.delete(code)
      return null
    }
    const entry: Entry = { store: Object.freeze(found.store), tiers: Object.freeze(found.tiers.map((t) => Object.freeze(t))) as Tier[], loadedAtMs: this.nowMs() }
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
