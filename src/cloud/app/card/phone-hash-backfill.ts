import type { Db, Tx } from '../../db'
import { listMembersWithoutPhoneHash, setPhoneHashIfFree } from '../../db/repositories/members'
import type { AppConfig } from '../../config'
import { decryptPhone, phoneHash } from '../personal-data'

/** Rows per batch: bounds the extra work one openCard does while a database catches up after migration 0002. */
export const PHONE_HASH_BATCH = 200

/**
 * Fills in phone_hash for rows written before migration 0002 (the database cannot: it never sees the key).
 * Returns how many rows it looked at; a row whose phone another active card already holds keeps a null hash
 * (two cards for one phone from before the rule: for staff to resolve), and is logged without the number.
 */
export async function backfillPhoneHashes(tx: Tx, config: AppConfig, afterId = 0, limit = PHONE_HASH_BATCH): Promise<{ seen: number; lastId: number }> {
  const rows = await listMembersWithoutPhoneHash(tx, afterId, limit)
  for (const row of rows) {
    const set = await setPhoneHashIfFree(tx, row.id, row.storeId, phoneHash(config, decryptPhone(config, row.phoneEnc)))
    if (!set) console.warn(`phone hash backfill: member id ${row.id} shares its phone with another active card`)
  }
  return { seen: rows.length, lastId: rows.length ? rows[rows.length - 1].id : afterId }
}

/** All of them, batch by batch, each in its own transaction (`npm run store -- backfill-phone-hashes`). */
export async function backfillAllPhoneHashes(db: Db, config: AppConfig): Promise<number> {
  let total = 0
  let afterId = 0
  for (;;) {
    const batch = await db.transaction((tx) => backfillPhoneHashes(tx, config, afterId))
    total += batch.seen
    afterId = batch.lastId
    if (batch.seen < PHONE_HASH_BATCH) return total
  }
}
