import { and, desc, eq, lt, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import type { MallItemRow } from './mall-items'
import { couponTemplates, mallItems, mallRedemptions, members, staff } from '../schema'

/**
 * The console's side of the mall items: what a manager creates, edits and stops, and the redemptions he reads.
 * Counts (redeemed_count) are never written here: redemption, pick-up and expiry move them (mall-items.ts).
 */

/** What a manager sets: everything but the counts, the status and the bookkeeping. */
export type MallItemFields = Pick<
  typeof mallItems.$inferInsert,
  | 'kind'
  | 'name'
  | 'description'
  | 'imageKey'
  | 'pointsPrice'
  | 'couponTemplateId'
  | 'stockTotal'
  | 'perMemberLimit'
  | 'limitPeriod'
  | 'maxPerRedemption'
  | 'visibleFrom'
  | 'redeemFrom'
  | 'redeemUntil'
  | 'minTierCode'
  | 'sortOrder'
>

/** An item as the console lists it: the row, its coupon template's name and how many gifts wait for pick-up. */
export interface AdminMallItemRow {
  item: MallItemRow
  couponTemplateName: string | null
  heldCount: number
}

const adminColumns = {
  item: mallItems,
  couponTemplateName: couponTemplates.name,
  // Qualified by hand: inside the subquery a bare column would resolve to mall_redemptions'.
  heldCount: sql<number>`(select count(*) from ${mallRedemptions} r where r.item_id = mall_items.id and r.status = 'held')`.mapWith(Number),
}

export async function listAdminMallItems(tx: Tx, storeId: number): Promise<AdminMallItemRow[]> {
  return tx
    .select(adminColumns)
    .from(mallItems)
    .leftJoin(couponTemplates, eq(couponTemplates.id, mallItems.couponTemplateId))
    .where(eq(mallItems.storeId, storeId))
    .orderBy(mallItems.sortOrder, desc(mallItems.id))
    .limit(500)
}

export async function findAdminMallItem(tx: Tx, storeId: number, id: number): Promise<AdminMallItemRow | null> {
  const [row] = await tx
    .select(adminColumns)
    .from(mallItems)
    .leftJoin(couponTemplates, eq(couponTemplates.id, mallItems.couponTemplateId))
    .where(and(eq(mallItems.storeId, storeId), eq(mallItems.id, id)))
    .limit(1)
  return row ?? null
}

/**
 * Creates an item unless this create request already made one (a retried save): the unique key
 * (store_id, create_request_id) decides, so two concurrent saves of one form make one item.
 */
export async function insertMallItemIfNew(tx: Tx, storeId: number, requestId: string, fields: MallItemFields, now: Date): Promise<{ id: number; repeated: boolean }> {
  const [inserted] = await tx
    .insert(mallItems)
    .values({ ...fields, storeId, createRequestId: requestId, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [mallItems.storeId, mallItems.createRequestId] })
    .returning({ id: mallItems.id })
  if (inserted) return { id: inserted.id, repeated: false }
  const [existing] = await tx
    .select({ id: mallItems.id })
    .from(mallItems)
    .where(and(eq(mallItems.storeId, storeId), eq(mallItems.createRequestId, requestId)))
  if (!existing) throw new Error('insertMallItemIfNew: conflicting item vanished')
  return { id: existing.id, repeated: true }
}

export type MallItemUpdate = { ok: true } | { ok: false; reason: 'not_found' | 'below_redeemed' }

/**
 * Replaces an item's settings. The stock a manager enters is the total made available, so raising it while
 * members redeem adds exactly the difference; redeemed_count is never written here, and the UPDATE's own guard
 * (re-checked on the latest row version by a concurrent redemption) refuses a total below what is redeemed.
 */
export async function updateMallItemFields(tx: Tx, storeId: number, id: number, fields: MallItemFields, now: Date): Promise<MallItemUpdate> {
  const [updated] = await tx
    .update(mallItems)
    .set({ ...fields, updatedAt: now })
    .where(and(eq(mallItems.id, id), eq(mallItems.storeId, storeId), sql`${mallItems.redeemedCount} <= ${fields.stockTotal}`))
    .returning({ id: mallItems.id })
  if (updated) return { ok: true }
  const [existing] = await tx
    .select({ id: mallItems.id })
    .from(mallItems)
    .where(and(eq(mallItems.id, id), eq(mallItems.storeId, storeId)))
  return { ok: false, reason: existing ? 'below_redeemed' : 'not_found' }
}

/** Stop sale or back on sale; redemptions already made are untouched. False: no such item. */
export async function setMallItemStatusIn(tx: Tx, storeId: number, id: number, status: 'on_sale' | 'stopped', now: Date): Promise<boolean> {
  const rows = await tx
    .update(mallItems)
    .set({ status, updatedAt: now })
    .where(and(eq(mallItems.id, id), eq(mallItems.storeId, storeId)))
    .returning({ id: mallItems.id })
  return rows.length > 0
}

export interface AdminRedemptionRow {
  redemption: typeof mallRedemptions.$inferSelect
  memberNo: string
  nickname: string
  phoneEnc: string
  pickupStaffName: string | null
}

/** 兑换记录, newest first, keyset-paged on id (`beforeId`): a page is one index range, however deep. */
export async function listRedemptionsPage(
  tx: Tx,
  storeId: number,
  filter: { status?: string; itemId?: number; beforeId?: number; limit: number },
): Promise<AdminRedemptionRow[]> {
  return tx
    .select({
      redemption: mallRedemptions,
      memberNo: members.memberNo,
      nickname: members.nickname,
      phoneEnc: members.phoneEnc,
      pickupStaffName: staff.name,
    })
    .from(mallRedemptions)
    .innerJoin(members, eq(members.id, mallRedemptions.memberId))
    .leftJoin(staff, eq(staff.id, mallRedemptions.pickedUpByStaffId))
    .where(
      and(
        eq(mallRedemptions.storeId, storeId),
        filter.status ? eq(mallRedemptions.status, filter.status) : undefined,
        filter.itemId ? eq(mallRedemptions.itemId, filter.itemId) : undefined,
        filter.beforeId ? lt(mallRedemptions.id, filter.beforeId) : undefined,
      ),
    )
    .orderBy(desc(mallRedemptions.id))
    .limit(filter.limit)
}
