import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm'
import type { RedemptionStatus, RedemptionTab } from '../../../contract'
import { executeRows, type Tx } from '../db'
import { auditLog, mallItems, mallRedemptions, staff } from '../schema'

/** Redemptions of the points mall: one row per request key, moved between statuses only by guarded updates. */

export type RedemptionRow = typeof mallRedemptions.$inferSelect
/** A redemption with the name of the clerk who handed it over (for 已核销 · 11-23 14:02 · 小王), and the item's picture key. */
export interface RedemptionWithNames extends RedemptionRow {
  pickedUpByName: string | null
  imageKey: string | null
}

const TAB_STATUSES: Record<RedemptionTab, RedemptionStatus[]> = {
  held: ['held'],
  done: ['picked_up', 'delivered'],
  closed: ['cancelled', 'expired', 'returned'],
}

const withNames = { row: mallRedemptions, pickedUpByName: staff.name, imageKey: mallItems.imageKey }
type Joined = { row: RedemptionRow; pickedUpByName: string | null; imageKey: string | null }
const flat = (r: Joined): RedemptionWithNames => ({ ...r.row, pickedUpByName: r.pickedUpByName, imageKey: r.imageKey })

function joined(tx: Tx) {
  return tx
    .select(withNames)
    .from(mallRedemptions)
    .innerJoin(mallItems, eq(mallItems.id, mallRedemptions.itemId))
    .leftJoin(staff, eq(staff.id, mallRedemptions.pickedUpByStaffId))
}

export async function findRedemptionByRequestKey(tx: Tx, storeId: number, requestKey: string): Promise<RedemptionWithNames | null> {
  const [row] = await joined(tx).where(and(eq(mallRedemptions.storeId, storeId), eq(mallRedemptions.requestKey, requestKey)))
  return row ? flat(row) : null
}

/** The member's own redemption; another member's id finds nothing. */
export async function findMemberRedemption(tx: Tx, storeId: number, memberId: number, id: number): Promise<RedemptionWithNames | null> {
  const [row] = await joined(tx).where(and(eq(mallRedemptions.storeId, storeId), eq(mallRedemptions.memberId, memberId), eq(mallRedemptions.id, id)))
  return row ? flat(row) : null
}

export async function findRedemptionById(tx: Tx, storeId: number, id: number): Promise<RedemptionWithNames | null> {
  const [row] = await joined(tx).where(and(eq(mallRedemptions.storeId, storeId), eq(mallRedemptions.id, id)))
  return row ? flat(row) : null
}

export async function findRedemptionByPickupCode(tx: Tx, storeId: number, code: string): Promise<RedemptionWithNames | null> {
  const [row] = await joined(tx).where(and(eq(mallRedemptions.storeId, storeId), eq(mallRedemptions.pickupCode, code)))
  return row ? flat(row) : null
}

/** One tab of 我的兑换, newest first; `beforeId` is the keyset cursor. */
export async function listMemberRedemptions(tx: Tx, memberId: number, tab: RedemptionTab, beforeId: number | null, limit: number): Promise<RedemptionWithNames[]> {
  const where = and(
    eq(mallRedemptions.memberId, memberId),
    inArray(mallRedemptions.status, TAB_STATUSES[tab]),
    beforeId === null ? undefined : lt(mallRedemptions.id, beforeId),
  )
  return (await joined(tx).where(where).orderBy(desc(mallRedemptions.id)).limit(limit)).map(flat)
}

/** The member's gifts waiting for pick-up (the till's lookup), oldest first. */
export async function listHeldPickups(tx: Tx, memberId: number): Promise<RedemptionWithNames[]> {
  return (
    await joined(tx)
      .where(and(eq(mallRedemptions.memberId, memberId), eq(mallRedemptions.status, 'held')))
      .orderBy(asc(mallRedemptions.id))
      .limit(50)
  ).map(flat)
}

export type NewRedemption = Omit<typeof mallRedemptions.$inferInsert, 'id'>

/** Inserts the redemption; null when its request key is already taken (a concurrent retry): the caller rolls back. */
export async function insertRedemption(tx: Tx, r: NewRedemption): Promise<RedemptionRow | null> {
  const [row] = await tx.insert(mallRedemptions).values(r).onConflictDoNothing({ target: [mallRedemptions.storeId, mallRedemptions.requestKey] }).returning()
  return row ?? null
}

export async function setRedemptionCoupon(tx: Tx, id: number, couponId: number): Promise<void> {
  await tx.update(mallRedemptions).set({ couponId }).where(eq(mallRedemptions.id, id))
}

export interface Closing {
  status: 'cancelled' | 'expired' | 'returned'
  at: Date
  staffId: number | null
  reason: string | null
}

/**
 * Closes a redemption once: held → cancelled / expired, or picked_up → returned. The status guard makes the release
 * happen at most once however many callers race (the member's cancel and the expiry job at 00:00:00). Null when
 * it was no longer in `from`.
 */
export async function closeRedemption(tx: Tx, id: number, from: 'held' | 'picked_up', c: Closing): Promise<RedemptionRow | null> {
  const [row] = await tx
    .update(mallRedemptions)
    .set({ status: c.status, closedAt: c.at, closedByStaffId: c.staffId, closeReason: c.reason })
    .where(and(eq(mallRedemptions.id, id), eq(mallRedemptions.status, from)))
    .returning()
  return row ?? null
}

export async function recordReturnedPoints(tx: Tx, id: number, refundEntryId: number | null, pointsReturned: number): Promise<void> {
  await tx.update(mallRedemptions).set({ refundEntryId, pointsReturned }).where(eq(mallRedemptions.id, id))
}

/**
 * Hands a gift over once: held → picked_up, only while its pick-up window is open at `at` (the window is decided
 * by the write, not by the expiry job having run). Null when someone else did first, or it closed or expired.
 */
export async function markPickedUp(tx: Tx, id: number, staffId: number, at: Date): Promise<RedemptionRow | null> {
  const [row] = await tx
    .update(mallRedemptions)
    .set({ status: 'picked_up', pickedUpAt: at, pickedUpByStaffId: staffId })
    .where(and(eq(mallRedemptions.id, id), eq(mallRedemptions.status, 'held'), gt(mallRedemptions.pickupExpiresAt, at)))
    .returning()
  return row ?? null
}

/**
 * Whether this pick-up was confirmed by this clerk with this request id (a retry of the same confirm). The confirm's
 * audit entry was written at the pick-up's own instant, so the read is one probe of the staff/action/time index.
 */
export async function pickupConfirmedBy(tx: Tx, p: { id: number; pickedUpByStaffId: number | null; pickedUpAt: Date | null }, requestId: string): Promise<boolean> {
  if (p.pickedUpByStaffId === null || p.pickedUpAt === null) return false
  const rows = await executeRows<{ one: number }>(
    tx.execute(sql`
      select 1 as one from ${auditLog}
      where staff_id = ${p.pickedUpByStaffId} and action = 'mall.pickup' and created_at = ${p.pickedUpAt.toISOString()}::timestamptz
        and detail->>'redemptionId' = ${String(p.id)} and detail->>'requestId' = ${requestId}
      limit 1`),
  )
  return rows.length > 0
}

/** Held gifts past their window at `now`, after `afterId` (the expiry job's chunk), by id. */
export async function findDueHeldRedemptions(tx: Tx, storeId: number, now: Date, afterId: number | null, limit: number): Promise<RedemptionRow[]> {
  return tx
    .select()
    .from(mallRedemptions)
    .where(
      and(
        eq(mallRedemptions.storeId, storeId),
        eq(mallRedemptions.status, 'held'),
        sql`${mallRedemptions.pickupExpiresAt} <= ${now.toISOString()}::timestamptz`,
        afterId === null ? undefined : gt(mallRedemptions.id, afterId),
      ),
    )
    .orderBy(asc(mallRedemptions.id))
    .limit(limit)
}
