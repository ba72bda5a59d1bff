import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core'
import {
  COUPON_CHANNELS,
  COUPON_KINDS,
  COUPON_TEMPLATE_STATUSES,
  COUPON_VALIDITY_KINDS,
  MEMBER_COUPON_STATUSES,
  TIER_CODES,
} from '../../../contract/enums'
import { createdAt, instant, sqlList } from './columns'
import { members, purchases, staff, stores } from './core'

/**
 * Coupons: templates (what a manager sets up), member coupons (one row per coupon a member holds, with the terms
 * it was issued with), verifications (one live row per used coupon), purchase refunds and birthday gifts.
 * Every limit here is enforced by a write: claimed_count ≤ total_quantity by a CHECK under a guarded UPDATE, one
 * live verification per coupon by a partial unique index, one refund per purchase and one birthday gift per
 * member and year by unique keys.
 */

export const couponTemplates = pgTable(
  'coupon_templates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** 满减 and 折扣: the amount payable (after the tier discount) must reach this. 0 for none. */
    thresholdFen: integer('threshold_fen').notNull().default(0),
    /** 满减: amount off. */
    amountOffFen: integer('amount_off_fen'),
    /** 折扣: the percentage paid (88 = 8.8折). */
    discountPct: smallint('discount_pct'),
    /** 折扣: "最多减 ¥X", or null for no cap. */
    maxDiscountFen: integer('max_discount_fen'),
    /** 兑换: the gift handed over. */
    giftName: text('gift_name'),
    /** 使用说明 shown on the coupon. */
    description: text('description'),
    validityKind: text('validity_kind').notNull(),
    /** fixed: the use window. */
    validFrom: instant('valid_from'),
    validTo: instant('valid_to'),
    /** days: valid from the claim until 23:59:59 store time on the Nth day (the claim's day is day 1). */
    validDays: integer('valid_days'),
    /** The claim window (领券中心), separate from the use window; null ends are open. */
    claimStartsAt: instant('claim_starts_at'),
    claimEndsAt: instant('claim_ends_at'),
    /** Null: unlimited. */
    totalQuantity: integer('total_quantity'),
    /** Only ever moved by guarded updates; an edit never touches them. */
    claimedCount: integer('claimed_count').notNull().default(0),
    usedCount: integer('used_count').notNull().default(0),
    perMemberLimit: integer('per_member_limit').notNull().default(1),
    /** Audience: null for everyone, or the lowest tier that may claim (and use) it. */
    minTierCode: text('min_tier_code'),
    channel: text('channel').notNull(),
    /** Birthday templates only: the tier this gift is for (null: members of any tier without a tier's own). */
    birthdayTierCode: text('birthday_tier_code'),
    status: text('status').notNull().default('active'),
    /** The create call's idempotency key: a retried save finds the template it made. */
    createRequestId: text('create_request_id').notNull(),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('coupon_templates_store_request_uq').on(t.storeId, t.createRequestId),
    index('coupon_templates_store_channel_ix').on(t.storeId, t.channel, t.status),
    check('coupon_templates_kind_ck', sql`${t.kind} in (${sqlList(COUPON_KINDS)})`),
    check('coupon_templates_channel_ck', sql`${t.channel} in (${sqlList(COUPON_CHANNELS)})`),
    check('coupon_templates_status_ck', sql`${t.status} in (${sqlList(COUPON_TEMPLATE_STATUSES)})`),
    check('coupon_templates_validity_kind_ck', sql`${t.validityKind} in (${sqlList(COUPON_VALIDITY_KINDS)})`),
    check('coupon_templates_min_tier_ck', sql`${t.minTierCode} in (${sqlList(TIER_CODES)})`),
    check('coupon_templates_birthday_tier_ck', sql`${t.birthdayTierCode} in (${sqlList(TIER_CODES)})`),
    check(
      'coupon_templates_terms_ck',
      sql`${t.thresholdFen} >= 0 and (
        (${t.kind} = 'amount_off' and ${t.amountOffFen} > 0) or
        (${t.kind} = 'percent_off' and ${t.discountPct} between 1 and 99 and coalesce(${t.maxDiscountFen}, 1) > 0) or
        (${t.kind} = 'gift' and ${t.giftName} is not null))`,
    ),
    check(
      'coupon_templates_validity_ck',
      sql`(${t.validityKind} = 'fixed' and ${t.validFrom} is not null and ${t.validTo} > ${t.validFrom}) or
        (${t.validityKind} = 'days' and ${t.validDays} between 1 and 3650)`,
    ),
    check('coupon_templates_counts_ck', sql`${t.claimedCount} >= 0 and ${t.usedCount} >= 0 and ${t.usedCount} <= ${t.claimedCount}`),
    // The total limit, enforced by the database under the claim's guarded increment.
    check('coupon_templates_total_ck', sql`${t.totalQuantity} is null or ${t.claimedCount} <= ${t.totalQuantity}`),
    check('coupon_templates_per_member_ck', sql`${t.perMemberLimit} between 1 and 100`),
  ],
)

/**
 * One coupon a member holds. The terms are copied from the template at issue, so a later edit of the template
 * never changes a coupon already held. `code` is the one-time code shown as a QR and digits (C1 + 20 random
 * digits, src/domain/coupons); `source_key` is the idempotency key (a claim's request, a birthday year, a
 * grant's request, a redemption), so a retried issue returns the coupon already issued.
 */
export const memberCoupons = pgTable(
  'member_coupons',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    templateId: bigint('template_id', { mode: 'number' }).notNull().references(() => couponTemplates.id),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    code: text('code').notNull(),
    channel: text('channel').notNull(),
    sourceKey: text('source_key').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    thresholdFen: integer('threshold_fen').notNull().default(0),
    amountOffFen: integer('amount_off_fen'),
    discountPct: smallint('discount_pct'),
    maxDiscountFen: integer('max_discount_fen'),
    giftName: text('gift_name'),
    description: text('description'),
    minTierCode: text('min_tier_code'),
    validFrom: instant('valid_from').notNull(),
    validTo: instant('valid_to').notNull(),
    status: text('status').notNull().default('available'),
    issuedAt: instant('issued_at').notNull(),
    /** Set with status 'used' (cleared by a void): the live verification row has the clerk and the receipt. */
    usedAt: instant('used_at'),
    /** When the expiry reminder was queued (at most once per coupon). */
    remindedAt: instant('reminded_at'),
  },
  (t) => [
    uniqueIndex('member_coupons_code_uq').on(t.code),
    uniqueIndex('member_coupons_store_source_uq').on(t.storeId, t.sourceKey),
    // The wallet: a member's coupons, soonest to expire first.
    index('member_coupons_member_ix').on(t.memberId, t.status, t.validTo),
    // Per-member limit: the claim counts a member's coupons of a template under the member row's lock.
    index('member_coupons_template_member_ix').on(t.templateId, t.memberId),
    // The expiry reminder: available coupons ending soon, not yet reminded.
    index('member_coupons_reminder_ix').on(t.validTo).where(sql`${t.status} = 'available' and ${t.remindedAt} is null`),
    check('member_coupons_kind_ck', sql`${t.kind} in (${sqlList(COUPON_KINDS)})`),
    check('member_coupons_channel_ck', sql`${t.channel} in (${sqlList(COUPON_CHANNELS)})`),
    check('member_coupons_status_ck', sql`${t.status} in (${sqlList(MEMBER_COUPON_STATUSES)})`),
    check('member_coupons_used_ck', sql`(${t.status} = 'used') = (${t.usedAt} is not null)`),
    check('member_coupons_window_ck', sql`${t.validTo} > ${t.validFrom}`),
  ],
)

/**
 * Verifications (核销). The partial unique index allows one live (unvoided) verification per coupon: the second
 * clerk's insert fails on it even if both read the coupon as available. `request_id` is the verification's
 * idempotency key (the till's confirm, or `purchase:<receipt>`): a retry finds the first row and returns it.
 */
export const couponVerifications = pgTable(
  'coupon_verifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    couponId: bigint('coupon_id', { mode: 'number' }).notNull().references(() => memberCoupons.id),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    requestId: text('request_id').notNull(),
    purchaseId: bigint('purchase_id', { mode: 'number' }).references(() => purchases.id),
    receiptNo: text('receipt_no'),
    discountFen: integer('discount_fen').notNull().default(0),
    createdAt: createdAt(),
    voidedAt: instant('voided_at'),
    voidedByStaffId: integer('voided_by_staff_id').references(() => staff.id),
    voidReason: text('void_reason'),
  },
  (t) => [
    uniqueIndex('coupon_verifications_store_request_uq').on(t.storeId, t.requestId),
    uniqueIndex('coupon_verifications_live_uq').on(t.couponId).where(sql`${t.voidedAt} is null`),
    index('coupon_verifications_coupon_ix').on(t.couponId, t.id),
    check('coupon_verifications_discount_ck', sql`${t.discountFen} >= 0`),
    check('coupon_verifications_void_ck', sql`(${t.voidedAt} is null) = (${t.voidedByStaffId} is null)`),
  ],
)

/**
 * A refunded purchase (in full), once: the unique purchase id is the guard. What was reversed is kept, including
 * the points the member had already spent (`points_shortfall`: not taken back, the balance never goes negative).
 */
export const purchaseRefunds = pgTable(
  'purchase_refunds',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    purchaseId: bigint('purchase_id', { mode: 'number' }).notNull().references(() => purchases.id),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    reason: text('reason').notNull(),
    pointsReversed: integer('points_reversed').notNull(),
    pointsShortfall: integer('points_shortfall').notNull(),
    growthReversed: integer('growth_reversed').notNull(),
    /** The coupon's state after the refund ('available' or 'expired'), or null when none was returned. */
    couponReturnedAs: text('coupon_returned_as'),
    tierBefore: text('tier_before').notNull(),
    tierAfter: text('tier_after').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('purchase_refunds_purchase_uq').on(t.purchaseId),
    index('purchase_refunds_member_ix').on(t.memberId),
    check('purchase_refunds_amounts_ck', sql`${t.pointsReversed} >= 0 and ${t.pointsShortfall} >= 0 and ${t.growthReversed} >= 0`),
  ],
)

/** One birthday gift per member and year: the unique key makes the job (run twice, or at once) issue once. */
export const birthdayGifts = pgTable(
  'birthday_gifts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    year: smallint('year').notNull(),
    couponId: bigint('coupon_id', { mode: 'number' }).references(() => memberCoupons.id),
    points: integer('points').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('birthday_gifts_member_year_uq').on(t.memberId, t.year),
    index('birthday_gifts_store_year_ix').on(t.storeId, t.year),
    check('birthday_gifts_points_ck', sql`${t.points} >= 0`),
  ],
)
