import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { staffNotices } from '../schema'

export type StaffNoticeRow = typeof staffNotices.$inferSelect

/** The console's notices (written by queueStaffNotice in staff-notices.ts), newest first, and the unread count. */
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
