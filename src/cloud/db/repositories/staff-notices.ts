import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { StaffNoticeKind } from '../../../contract/enums'
import { executeRows, type Tx } from '../db'
import { staffNotices } from '../schema'

/** Notices for the store's managers: queued with their cause, listed and marked read in the console. */

export type StaffNoticeRow = typeof staffNotices.$inferSelect

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
 * once per dedupe key. True when it was queued now.
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

/** The console's notices, newest first, and the unread count. */
export async function listStaffNoticesFor(tx: Tx, storeId: number, limit = 50): Promise<{ notices: StaffNoticeRow[]; unread: number }> {
  const notices = await tx.select().from(staffNotices).where(eq(staffNotices.storeId, storeId)).orderBy(desc(staffNotices.id)).limit(limit)
  const [{ unread }] = await tx
    .select({ unread: sql<number>`count(*)`.mapWith(Number) })
    .from(staffNotices)
    .where(and(eq(staffNotices.storeId, storeId), isNull(staffNotices.readAt)))
  return { notices, unread }
}

/** Marks every unread notice read (the store's managers share one list); answers how many changed. */
export async function markStaffNoticesReadIn(tx: Tx, storeId: number, now: Date): Promise<number> {
  const rows = await tx
    .update(staffNotices)
    .set({ readAt: now })
    .where(and(eq(staffNotices.storeId, storeId), isNull(staffNotices.readAt)))
    .returning({ id: staffNotices.id })
  return rows.length
}
