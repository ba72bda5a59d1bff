import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import {
  DELIVERY_STATUSES,
  JOB_RUN_STATUSES,
  LEDGER_REASONS,
  MEMBER_STATUSES,
  NOTIFICATION_KINDS,
  POINTS_EXPIRY_RULES,
  STAFF_ROLES,
  TIER_CODES,
} from '../../../contract/enums'
import { createdAt, sqlList } from './columns'

/**
 * The tables. Money is integer fen, points and growth are integers. Rules that must hold under concurrency
 * (one card per WeChat user, one credit per receipt, one ledger entry per request, no negative balance,
 * an append-only ledger) are enforced here, by the database, not by reading first.
 */


/** Versions for stores.config_version: never reused, even after a rollback. */
export const storeConfigVersionSeq = pgSequence('store_config_version_seq', { startWith: 1 })

/** Store settings: every number in the business rules is configuration, not code. */
export const stores = pgTable('stores', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull(),
  pointsPerYuan: integer('points_per_yuan').notNull(),
  growthPerYuan: integer('growth_per_yuan').notNull(),
  /**
   * Bumped (from a sequence, so a value is never reused) by a trigger on any change to this row or its tiers
   * (migration 0005): app/store-cache.ts keeps the store and its tiers per process and reloads them when this
   * moves, so a change made anywhere (another instance, a console session) is seen by the next call.
   */
  configVersion: bigint('config_version', { mode: 'number' }).notNull().default(sql`nextval('store_config_version_seq')`),
  /**
   * Whether the till takes the member's tier discount off the amount the clerk enters. Off: the clerk enters the
   * member price the store's POS already computed. Either way the order is the same: tier discount, then coupon.
   */
  tillAppliesTierDiscount: boolean('till_applies_tier_discount').notNull().default(false),
  /** How long after a coupon's verification a manager may still void it (核销撤销). */
  couponVoidWindowHours: integer('coupon_void_window_hours').notNull().default(24),
  /** A refund gives back a coupon verified on the purchase (usable, or expired when its end has passed). */
  refundReturnsCoupon: boolean('refund_returns_coupon').notNull().default(true),
  /** A refund's growth reversal may lower the tier (true), or the tier is kept until the yearly review (false). */
  refundLowersTier: boolean('refund_lowers_tier').notNull().default(true),
  /** Points given with the birthday gift (ledger reason 'birthday'); 0 for none. */
  birthdayPoints: integer('birthday_points').notNull().default(0),
  /** A birthday set fewer than this many days before it earns that year's gift only from next year (anti-gaming). */
  birthdayMinDays: integer('birthday_min_days').notNull().default(30),
  /**
   * WeChat subscription messages go out only between these hours, store time (a queued one waits for morning):
   * the quiet hours are the rest, 21:00–09:00 by default.
   */
  notifyFromHour: smallint('notify_from_hour').notNull().default(9),
  notifyToHour: smallint('notify_to_hour').notNull().default(21),
  /** Remind a member this many days before a coupon of theirs expires; 0 for never. */
  couponExpiryReminderDays: integer('coupon_expiry_reminder_days').notNull().default(3),
  /** When earned points expire (POINTS_EXPIRY_RULES); each lot keeps the expiry it was earned with. */
  pointsExpiryRule: text('points_expiry_rule').notNull().default('year_end_next'),
  /** 积分即将过期 reminders this many days before (warning, last call); 0 turns one off. */
  pointsExpiryWarnDays: integer('points_expiry_warn_days').notNull().default(30),
  pointsExpiryLastCallDays: integer('points_expiry_last_call_days').notNull().default(7),
  /** A mall gift not picked up within this many days (to 23:59:59 store time) is released and its points return. */
  mallPickupDays: integer('mall_pickup_days').notNull().default(14),
  /** Managers are told when an item's stock left falls to this (once per restock); 0 for never. */
  mallLowStockAt: integer('mall_low_stock_at').notNull().default(5),
  /** A registered member may cancel an event until this many hours before its start (an event may set its own). */
  eventCancelCutoffHours: smallint('event_cancel_cutoff_hours').notNull().default(3),
  createdAt: createdAt(),
}, (t) => [
  check('stores_points_expiry_rule_ck', sql`${t.pointsExpiryRule} in (${sqlList(POINTS_EXPIRY_RULES)})`),
  check('stores_points_expiry_days_ck', sql`${t.pointsExpiryWarnDays} >= 0 and ${t.pointsExpiryLastCallDays} >= 0`),
  check('stores_mall_pickup_days_ck', sql`${t.mallPickupDays} between 1 and 365`),
  check('stores_event_cancel_cutoff_ck', sql`${t.eventCancelCutoffHours} between 0 and 168`),
])

export const tiers = pgTable(
  'tiers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    minGrowth: integer('min_growth').notNull(),
    discountPct: integer('discount_pct').notNull(),
  },
  (t) => [
    uniqueIndex('tiers_store_code_uq').on(t.storeId, t.code),
    uniqueIndex('tiers_store_min_growth_uq').on(t.storeId, t.minGrowth),
    check('tiers_code_ck', sql`${t.code} in (${sqlList(TIER_CODES)})`),
    check('tiers_min_growth_ck', sql`${t.minGrowth} >= 0`),
    check('tiers_discount_ck', sql`${t.discountPct} between 1 and 100`),
  ],
)

/** Member numbers are part of the member code: 8 digits, never reused. */
export const memberNoSeq = pgSequence('member_no_seq', { startWith: 10000001, minValue: 1, maxValue: 99999999, cycle: false })

export const members = pgTable(
  'members',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    openid: text('openid').notNull(),
    memberNo: text('member_no').notNull().default(sql`lpad(nextval('member_no_seq')::text, 8, '0')`),
    nickname: text('nickname').notNull(),
    /** AES-256-GCM ciphertext (see app/field-cipher.ts); never stored or logged in clear. */
    phoneEnc: text('phone_enc').notNull(),
    /**
     * HMAC-SHA256 of the phone number under a key derived from the data key (app/personal-data.ts): lets the
     * database refuse a second active card for the same phone, which it cannot do on the ciphertext. Null only
     * for rows written before migration 0002 until the app backfills them (see backfillPhoneHashes).
     */
    phoneHash: text('phone_hash'),
    birthdayEnc: text('birthday_enc'),
    /**
     * Kept in clear, deliberately: the monthly birthday job must find "members born in May" without decrypting
     * every row, and a month alone does not identify anyone. Day and year stay encrypted.
     */
    birthMonth: smallint('birth_month'),
    /** When the birthday was set (by the member once, or corrected by a manager). */
    birthdaySetAt: timestamp('birthday_set_at', { withTimezone: true, mode: 'date' }),
    /**
     * The first year whose birth month brings a gift: next year when the birthday was set fewer than the store's
     * N days before it (src/domain/birthday). The birthday job reads it instead of decrypting the day.
     */
    birthdayGiftFromYear: smallint('birthday_gift_from_year'),
    tierCode: text('tier_code').notNull(),
    /** Cached sum of this member's ledger entries; changed only together with a ledger insert. */
    pointsBalance: integer('points_balance').notNull().default(0),
    growth: integer('growth').notNull().default(0),
    status: text('status').notNull().default('active'),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('members_store_openid_uq').on(t.storeId, t.openid),
    uniqueIndex('members_member_no_uq').on(t.memberNo),
    // One active card per phone in a store; a closed card's phone may open a new one.
    uniqueIndex('members_store_phone_hash_uq').on(t.storeId, t.phoneHash).where(sql`${t.status} = 'active'`),
    // Finds rows still waiting for their phone hash without a scan (empty once backfilled).
    index('members_phone_hash_missing_ix').on(t.id).where(sql`${t.phoneHash} is null`),
    index('members_store_birth_month_ix').on(t.storeId, t.birthMonth),
    check('members_points_balance_ck', sql`${t.pointsBalance} >= 0`),
    check('members_growth_ck', sql`${t.growth} >= 0`),
    check('members_status_ck', sql`${t.status} in (${sqlList(MEMBER_STATUSES)})`),
    check('members_birth_month_ck', sql`${t.birthMonth} between 1 and 12`),
  ],
)

/** Append-only: a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE. A correction is a new entry. */
export const pointsLedger = pgTable(
  'points_ledger',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    reason: text('reason').notNull(),
    delta: integer('delta').notNull(),
    /** The idempotency key: the same request can never move points twice. */
    requestId: text('request_id').notNull(),
    note: text('note'),
    /** Credits: when the points expire (the lot's expiry; null never). Ignored for debits. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    /**
     * The entry this one reverses: a 'refund' puts points back into the lots that entry took them from; a
     * 'clawback' takes from the lot that entry (an 'earn') made first. Null for everything else.
     */
    reversesEntryId: bigint('reverses_entry_id', { mode: 'number' }).references((): AnyPgColumn => pointsLedger.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('points_ledger_store_request_uq').on(t.storeId, t.requestId),
    index('points_ledger_member_id_ix').on(t.memberId, t.id),
    index('points_ledger_reverses_ix').on(t.reversesEntryId).where(sql`${t.reversesEntryId} is not null`),
    check(
      'points_ledger_reason_ck',
      sql`${t.reason} in (${sqlList(LEDGER_REASONS)})`,
    ),
    check('points_ledger_delta_ck', sql`${t.delta} <> 0`),
  ],
)

export const staff = pgTable(
  'staff',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    openid: text('openid').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    active: boolean('active').notNull().default(true),
    /**
     * Set when this account reaches the forged-code limit: until then its code lookups are refused. Written only
     * under this row's lock (till/forged-code-limit.ts), so a lookup with a genuine code just reads it from the
     * row it already has instead of locking and counting the audit log on every call.
     */
    forgedBlockedUntil: timestamp('forged_blocked_until', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('staff_store_openid_uq').on(t.storeId, t.openid),
    check('staff_role_ck', sql`${t.role} in (${sqlList(STAFF_ROLES)})`),
  ],
)

/** One row per receipt per store: the unique key is what makes recording a purchase idempotent. */
export const purchases = pgTable(
  'purchases',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    receiptNo: text('receipt_no').notNull(),
    /** What the member paid, after the tier discount and the coupon: points and growth are earned on this. ¥0 is a payment. */
    amountFen: integer('amount_fen').notNull(),
    /** What the clerk entered, before any discount (equal to amount_fen for purchases recorded before coupons). */
    grossFen: integer('gross_fen'),
    tierDiscountFen: integer('tier_discount_fen').notNull().default(0),
    couponDiscountFen: integer('coupon_discount_fen').notNull().default(0),
    /** The coupon verified on this purchase (its verification row holds who and when). */
    couponId: bigint('coupon_id', { mode: 'number' }),
    staffId: integer('staff_id').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('purchases_store_receipt_uq').on(t.storeId, t.receiptNo),
    index('purchases_member_id_ix').on(t.memberId),
    check('purchases_amount_fen_ck', sql`${t.amountFen} >= 0`),
    check('purchases_discounts_ck', sql`${t.tierDiscountFen} >= 0 and ${t.couponDiscountFen} >= 0`),
  ],
)

/** Every staff read of personal data and every staff write. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    staffId: integer('staff_id').references(() => staff.id),
    action: text('action').notNull(),
    memberId: bigint('member_id', { mode: 'number' }).references(() => members.id),
    detail: jsonb('detail').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_member_id_ix').on(t.memberId),
    index('audit_log_staff_id_ix').on(t.staffId),
    // "How many forged codes did this clerk scan in the last 10 minutes" (till/forged-code-limit.ts).
    index('audit_log_staff_action_created_ix').on(t.staffId, t.action, t.createdAt),
  ],
)

/**
 * Store configuration: the WeChat subscription template for a kind of notification, and which template key
 * shows which value (`{ "number1": "points", "time2": "at" }`; the key's type, `number`, `time`, `thing` …, is
 * how src/domain/notifications/template-data.ts formats it). Without a row, that kind is in-app only.
 */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    kind: text('kind').notNull(),
    templateId: text('template_id').notNull(),
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    /** Mini-program page the message opens (no leading slash), or none. */
    page: text('page'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notification_templates_store_kind_uq').on(t.storeId, t.kind),
    check('notification_templates_kind_ck', sql`${t.kind} in (${sqlList(NOTIFICATION_KINDS)})`),
  ],
)

/**
 * The outbox and the member's 消息 list in one: written in the same transaction as the change it reports (so a
 * rolled-back change queues nothing), shown in-app at once, and sent on WeChat by the delivery job after commit.
 * `dedupe_key` is derived from what caused it (a purchase's receipt), so a replay queues nothing new.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Only what the recipient must see: never a phone number or an openid (looked up at send time). */
    payload: jsonb('payload').$type<Record<string, string | number>>().notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    deliveryStatus: text('delivery_status').notNull(),
    templateId: text('template_id'),
    /** The template data, formatted and checked against WeChat's limits when queued. */
    wechatData: jsonb('wechat_data').$type<Record<string, { value: string }>>(),
    page: text('page'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    sendingAt: timestamp('sending_at', { withTimezone: true, mode: 'date' }),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('notifications_store_dedupe_uq').on(t.storeId, t.dedupeKey),
    index('notifications_member_id_ix').on(t.memberId, t.id),
    // The delivery job's claim: due rows in id order, without scanning everything ever sent.
    index('notifications_due_ix').on(t.nextAttemptAt, t.id).where(sql`${t.deliveryStatus} in ('pending', 'retry')`),
    index('notifications_sending_ix').on(t.sendingAt).where(sql`${t.deliveryStatus} = 'sending'`),
    check('notifications_kind_ck', sql`${t.kind} in (${sqlList(NOTIFICATION_KINDS)})`),
    check('notifications_delivery_status_ck', sql`${t.deliveryStatus} in (${sqlList(DELIVERY_STATUSES)})`),
  ],
)

/**
 * Unused one-time subscription consents per member and template: WeChat has no API to read them, so we count.
 * +1 per accept, −1 per send (a guarded update in the delivery's claim), 0 after a refusal or WeChat's 43101.
 */
export const subscriptionConsents = pgTable(
  'subscription_consents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    templateId: text('template_id').notNull(),
    count: integer('count').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('subscription_consents_member_template_uq').on(t.memberId, t.templateId),
    check('subscription_consents_count_ck', sql`${t.count} >= 0`),
  ],
)

/** One row per recordSubscriptionConsent request: a retried call after a timeout counts its accepts once. */
export const consentRequests = pgTable(
  'consent_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    requestId: text('request_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('consent_requests_member_request_uq').on(t.memberId, t.requestId)],
)

/**
 * Every run of a scheduled job: when, for which schedule slot, how far it got (cursor), what it did (counts) and
 * why it stopped. At most one 'running' row per job (the unique index is the lock); a run whose heartbeat is
 * older than its lease was cut off (a killed process, a function timeout) and the next run resumes its cursor.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    jobName: text('job_name').notNull(),
    status: text('status').notNull(),
    /** The schedule slot this run covers (null for a run started by hand). */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true, mode: 'date' }),
    /** The `now` the job computes with; a resumed run keeps the one it resumes. */
    asOf: timestamp('as_of', { withTimezone: true, mode: 'date' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    cursor: text('cursor'),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    error: text('error'),
    resumedFrom: bigint('resumed_from', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('job_runs_one_running_uq').on(t.jobName).where(sql`${t.status} = 'running'`),
    index('job_runs_job_id_ix').on(t.jobName, t.id),
    check('job_runs_status_ck', sql`${t.status} in (${sqlList(JOB_RUN_STATUSES)})`),
  ],
)
