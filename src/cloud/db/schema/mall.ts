import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { MALL_ITEM_KINDS, MALL_ITEM_STATUSES, MALL_LIMIT_PERIODS, REDEMPTION_STATUSES, STAFF_NOTICE_KINDS, TIER_CODES } from '../../../contract/enums'
import { createdAt, instant, sqlList } from './columns'
import { couponTemplates, memberCoupons } from './coupons'
import { members, pointsLedger, staff, stores } from './core'

/**
 * The points mall (积分商城): items, redemptions, the per-member quota and the managers' notices. Every limit is
 * enforced by a write: stock by the guarded increment of redeemed_count (a CHECK keeps it ≤ stock_total), the
 * per-member limit by the guarded upsert of mall_member_quota, one redemption per request by a unique key, one
 * pick-up per redemption by the status guard.
 */

export const mallItems = pgTable(
  'mall_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** The picture's key in the storage port (a cloud fileID on WeChat, a path under the data folder locally). */
    imageKey: text('image_key'),
    pointsPrice: integer('points_price').notNull(),
    /** coupon items: the 'mall' template whose coupon is delivered. */
    couponTemplateId: bigint('coupon_template_id', { mode: 'number' }).references(() => couponTemplates.id),
    /**
     * Everything ever made available. A manager's stock edit sets it (the stock left is stock_total −
     * redeemed_count), so raising it during sales adds exactly the difference; the CHECK refuses going below
     * what has been redeemed.
     */
    stockTotal: integer('stock_total').notNull(),
    /** Units held, picked up or delivered; moved only by guarded updates (a cancel or expiry gives back). */
    redeemedCount: integer('redeemed_count').notNull().default(0),
    /** Per member, in total or per calendar month (limit_period); null: no limit. */
    perMemberLimit: integer('per_member_limit'),
    limitPeriod: text('limit_period').notNull().default('total'),
    /** Quantity per redemption: 1 … this. */
    maxPerRedemption: integer('max_per_redemption').notNull().default(1),
    /** Shown from (may open before redemption: "12月1日开兑"); null: shown now. */
    visibleFrom: instant('visible_from'),
    redeemFrom: instant('redeem_from'),
    /** Inclusive end of redemption (and of display); null: open-ended. */
    redeemUntil: instant('redeem_until'),
    /** Only members of this tier or above may redeem ("金卡及以上可兑"); null: everyone. */
    minTierCode: text('min_tier_code'),
    status: text('status').notNull().default('on_sale'),
    sortOrder: integer('sort_order').notNull().default(0),
    /** The stock_total at which the low-stock notice was last queued (once per restock). */
    lowStockNotifiedAt: integer('low_stock_notified_at'),
    createRequestId: text('create_request_id').notNull(),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mall_items_store_request_uq').on(t.storeId, t.createRequestId),
    index('mall_items_store_status_ix').on(t.storeId, t.status, t.sortOrder, t.id),
    check('mall_items_kind_ck', sql`${t.kind} in (${sqlList(MALL_ITEM_KINDS)})`),
    check('mall_items_status_ck', sql`${t.status} in (${sqlList(MALL_ITEM_STATUSES)})`),
    check('mall_items_limit_period_ck', sql`${t.limitPeriod} in (${sqlList(MALL_LIMIT_PERIODS)})`),
    check('mall_items_min_tier_ck', sql`${t.minTierCode} in (${sqlList(TIER_CODES)})`),
    check('mall_items_price_ck', sql`${t.pointsPrice} > 0`),
    check('mall_items_stock_ck', sql`${t.redeemedCount} >= 0 and ${t.redeemedCount} <= ${t.stockTotal}`),
    check('mall_items_limit_ck', sql`${t.perMemberLimit} is null or ${t.perMemberLimit} >= 1`),
    check('mall_items_max_per_redemption_ck', sql`${t.maxPerRedemption} between 1 and 99`),
    check('mall_items_coupon_ck', sql`(${t.kind} = 'coupon') = (${t.couponTemplateId} is not null)`),
    check('mall_items_window_ck', sql`${t.redeemFrom} is null or ${t.redeemUntil} is null or ${t.redeemUntil} > ${t.redeemFrom}`),
  ],
)

/**
 * One redemption. The points are held by its 'redeem' debit (debit_entry_id) from the start; pick-up makes the
 * hold final, a cancel or expiry refunds it (refund_entry_id) into the lots it came from. `request_key` is the
 * client's idempotency key (`<memberId>:<requestId>`): a retry after a timeout finds this row and returns it.
 * `pickup_code` (gifts): P1 + 20 digits from crypto (≥ 64 random bits), shown as a QR and digits.
 */
export const mallRedemptions = pgTable(
  'mall_redemptions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    itemId: bigint('item_id', { mode: 'number' }).notNull().references(() => mallItems.id),
    requestKey: text('request_key').notNull(),
    /** Copied at redemption: a later edit of the item never changes what was redeemed. */
    kind: text('kind').notNull(),
    itemName: text('item_name').notNull(),
    quantity: integer('quantity').notNull(),
    /** Points debited (price × quantity). */
    points: integer('points').notNull(),
    /** The quota period it counts in ('total', or '2026-11' for a monthly limit). */
    periodKey: text('period_key').notNull(),
    status: text('status').notNull(),
    debitEntryId: bigint('debit_entry_id', { mode: 'number' }).references(() => pointsLedger.id),
    pickupCode: text('pickup_code'),
    /** Gifts: usable for pick-up until (exclusive) this instant; the expiry job releases it after. */
    pickupExpiresAt: instant('pickup_expires_at'),
    couponId: bigint('coupon_id', { mode: 'number' }).references(() => memberCoupons.id),
    pickedUpAt: instant('picked_up_at'),
    pickedUpByStaffId: integer('picked_up_by_staff_id').references(() => staff.id),
    /** cancelled / expired / returned: when, by whom (a manager for 'returned'), why, and the points given back. */
    closedAt: instant('closed_at'),
    closedByStaffId: integer('closed_by_staff_id').references(() => staff.id),
    closeReason: text('close_reason'),
    refundEntryId: bigint('refund_entry_id', { mode: 'number' }).references(() => pointsLedger.id),
    pointsReturned: integer('points_returned'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('mall_redemptions_store_request_uq').on(t.storeId, t.requestKey),
    uniqueIndex('mall_redemptions_pickup_code_uq').on(t.pickupCode),
    // 我的兑换: a member's redemptions, newest first (keyset on id).
    index('mall_redemptions_member_ix').on(t.memberId, t.id),
    // The till: a member's gifts waiting for pick-up; the expiry job: held gifts past their window.
    index('mall_redemptions_held_ix').on(t.pickupExpiresAt, t.id).where(sql`${t.status} = 'held'`),
    index('mall_redemptions_item_ix').on(t.itemId, t.id),
    check('mall_redemptions_kind_ck', sql`${t.kind} in (${sqlList(MALL_ITEM_KINDS)})`),
    check('mall_redemptions_status_ck', sql`${t.status} in (${sqlList(REDEMPTION_STATUSES)})`),
    check('mall_redemptions_quantity_ck', sql`${t.quantity} between 1 and 99`),
    check('mall_redemptions_points_ck', sql`${t.points} > 0`),
    check('mall_redemptions_gift_ck', sql`${t.kind} <> 'gift' or (${t.pickupCode} is not null and ${t.pickupExpiresAt} is not null)`),
    check('mall_redemptions_picked_ck', sql`(${t.pickedUpAt} is null) = (${t.pickedUpByStaffId} is null)`),
  ],
)

/**
 * How many units of an item a member holds in a quota period, counting held, picked-up and delivered
 * redemptions (a cancel or expiry gives back). The redemption's guarded upsert is the per-member limit:
 * `count + q <= limit` or no row changes.
 */
export const mallMemberQuota = pgTable(
  'mall_member_quota',
  {
    itemId: bigint('item_id', { mode: 'number' }).notNull().references(() => mallItems.id),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    periodKey: text('period_key').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.memberId, t.periodKey] }), check('mall_member_quota_count_ck', sql`${t.count} >= 0`)],
)

/**
 * Notices for the store's managers (shown in the console), written in the same transaction as their cause, once
 * per dedupe key (low stock: per item and restock). In-app only: staff have no subscription consents.
 */
export const staffNotices = pgTable(
  'staff_notices',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    payload: text('payload'),
    createdAt: createdAt(),
    readAt: instant('read_at'),
  },
  (t) => [
    uniqueIndex('staff_notices_store_dedupe_uq').on(t.storeId, t.dedupeKey),
    index('staff_notices_store_ix').on(t.storeId, t.id),
    check('staff_notices_kind_ck', sql`${t.kind} in (${sqlList(STAFF_NOTICE_KINDS)})`),
  ],
)
