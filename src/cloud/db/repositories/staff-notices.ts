import { sql } from 'drizzle-orm'
import type { StaffNoticeKind } from '../../../contract/enums'
import { executeRows, type Tx } from '../db'
import { staffNotices } from '../schema'

export interface NewStaffNotice {
  storeId: number
  kind: StaffNoticeKind
  /** Once per key and store: `mall_low_stock:<item>:<stock_total>`. */
  dedupeKey: string
  title: string
  body: string
  payload: Record<string, unknown> | null
  createdAt: Date
}

/**
 * Queues a notice for the store's managers inside the caller's transaction (it exists only if its cause commits),
 * once per dedupe key. True when it was queued now. Listing and marking read are the console's (another file).
 */
export async function queueStaffNotice(tx: Tx, n: NewStaffNotice): Promise<boolean> {
  const rows = await executeRows<{ id: number }>(
    tx.execute(sql`
      insert into ${staffNotices} (store_id, kind, dedupe_key, title, body, payload, created_at)
      values (${n.storeId}, ${n.kind}, ${n.dedupeKey}, ${n.title}, ${n.body}, ${n.payload === null ? null : JSON.stringify(n.payload)}, ${n.createdAt.toISOString()}::timestamptz)
      on conflict (store_id, dedupe_key) do nothing
      returning id`),
  )
  return rows.length > 0
}
