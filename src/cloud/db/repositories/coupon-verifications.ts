import { and, eq, sql, type SQL } from 'drizzle-orm'
import { executeRows, preparedStatement, type Tx } from '../db'
import { auditLog, couponTemplates, couponVerifications, memberCoupons, members, staff } from '../schema'
import type { MemberRow } from './members'

/**
 * Coupons at the till: a member's coupon as the clerk sees it (with its live verification: when, by whom), the
 * verification itself (核销: a guarded state change, once), and its reversal (a manager's void, or a refund).
 * Every limit is in the write: `status = 'available'` and the window in the UPDATE's WHERE, the partial unique
 * index of one live verification per coupon as a second guard, `(store, request_id)` as the idempotency key.
 */

/** The live (unvoided) verification of a coupon: who verified it, when, on which receipt. */
export interface LiveVerification {
  id: number
  at: Date
  staffName: string
  receiptNo: string | null
  discountFen: number
  requestId: string
  purchaseId: number | null
}

export interface TillCouponRow {
  id: number
  storeId: number
  memberId: number
  templateId: number
  code: string
  channel: string
  name: string
  kind: 'amount_off' | 'percent_off' | 'gift'
  thresholdFen: number
  amountOffFen: number | null
  discountPct: number | null
  maxDiscountFen: number | null
  giftName: string | null
  minTierCode: string | null
  validFrom: Date
  validTo: Date
  status: string
  usedAt: Date | null
  /** Only read by the single-coupon queries (null in the lookup's list, which holds available coupons only). */
  verification: LiveVerification | null
}

interface CouponDbRow {
  id: number | string
  store_id: number
  member_id: number | string
  template_id: number | string
  code: string
  channel: string
  name: string
  kind: string
  threshold_fen: number
  amount_off_fen: number | null
  discount_pct: number | null
  max_discount_fen: number | null
  gift_name: string | null
  min_tier_code: string | null
  valid_from: string | Date
  valid_to: string | Date
  status: string
  used_at: string | Date | null
  v_id?: number | string | null
  v_at?: string | Date | null
  v_staff_name?: string | null
  v_receipt_no?: string | null
  v_discount_fen?: number | null
  v_request_id?: string | null
  v_purchase_id?: number | string | null
}

const COUPON_COLUMNS = sql.raw(
  'c.id, c.store_id, c.member_id, c.template_id, c.code, c.channel, c.name, c.kind, c.threshold_fen, c.amount_off_fen, c.discount_pct, ' +
    'c.max_discount_fen, c.gift_name, c.min_tier_code, c.valid_from, c.valid_to, c.status, c.used_at',
)

function toCouponRow(r: CouponDbRow): TillCouponRow {
  return {
    id: Number(r.id),
    storeId: r.store_id,
    memberId: Number(r.member_id),
    templateId: Number(r.template_id),
    code: r.code,
    channel: r.channel,
    name: r.name,
    kind: r.kind as TillCouponRow['kind'],
    thresholdFen: r.threshold_fen,
    amountOffFen: r.amount_off_fen,
    discountPct: r.discount_pct,
    maxDiscountFen: r.max_discount_fen,
    giftName: r.gift_name,
    minTierCode: r.min_tier_code,
    validFrom: new Date(r.valid_from),
    validTo: new Date(r.valid_to),
    status: r.status,
    usedAt: r.used_at === null ? null : new Date(r.used_at),
    verification:
      r.v_id === null || r.v_id === undefined
        ? null
        : {
            id: Number(r.v_id),
            at: new Date(r.v_at as string | Date),
            staffName: r.v_staff_name ?? '',
            receiptNo: r.v_receipt_no ?? null,
            discountFen: r.v_discount_fen ?? 0,
            requestId: r.v_request_id ?? '',
            purchaseId: r.v_purchase_id === null || r.v_purchase_id === undefined ? null : Number(r.v_purchase_id),
          },
  }
}

const withLiveVerification = (where: SQL) => sql`
  select ${COUPON_COLUMNS}, v.id as v_id, v.created_at as v_at, s.name as v_staff_name, v.receipt_no as v_receipt_no,
    v.discount_fen as v_discount_fen, v.request_id as v_request_id, v.purchase_id as v_purchase_id
  from ${memberCoupons} c
  left join ${couponVerifications} v on v.coupon_id = c.id and v.voided_at is null
  left join ${staff} s on s.id = v.staff_id
  where ${where}
  limit 1`

const couponByCode = preparedStatement<CouponDbRow, { storeId: number; code: string }>(
  'till_coupon_by_code',
  withLiveVerification(sql`c.store_id = ${sql.placeholder('storeId')} and c.code = ${sql.placeholder('code')}`),
)
const couponById = preparedStatement<CouponDbRow, { storeId: number; id: number }>(
  'till_coupon_by_id',
  withLiveVerification(sql`c.store_id = ${sql.placeholder('storeId')} and c.id = ${sql.placeholder('id')}::bigint`),
)

/** A scanned coupon by its one-time code, with its live verification (if used). */
export async function findTillCouponByCode(tx: Tx, storeId: number, code: string): Promise<TillCouponRow | null> {
  const [row] = await couponByCode(tx, { storeId, code })
  return row ? toCouponRow(row) : null
}

/** A coupon the clerk picked from the lookup's list, with its live verification (if used). */
export async function findTillCouponById(tx: Tx, storeId: number, id: number): Promise<TillCouponRow | null> {
  const [row] = await couponById(tx, { storeId, id })
  return row ? toCouponRow(row) : null
}

/**
 * A coupon's holder (a scanned coupon names its member). `lock`: a purchase builds its totals on this row, and a
 * refund reverses from it, so both lock it for the rest of the transaction.
 */
export async function findMemberById(tx: Tx, storeId: number, memberId: number, options: { lock?: boolean } = {}): Promise<MemberRow | null> {
  const query = tx.select().from(members).where(and(eq(members.id, memberId), eq(members.storeId, storeId))).limit(1)
  const rows = options.lock ? await query.for('update') : await query
  return rows[0] ?? null
}

/** At most this many coupons come with a lookup: a member with more is shown the soonest to expire. */
export const TILL_COUPONS_LIMIT = 50

// The till's lookup (its hot path): the lookup's audit entry and one read on member_coupons_member_ix
// (member_id, status, valid_to), in one round trip.
type LookupParams = 'memberId' | 'now' | 'limit' | 'staffId' | 'auditAction' | 'auditDetail'
const availableCoupons = preparedStatement<CouponDbRow, Record<LookupParams, unknown>>(
  'till_member_coupons',
  sql`with audit as (
        insert into ${auditLog} (staff_id, action, member_id, detail, created_at)
        values (${sql.placeholder('staffId')}::int, ${sql.placeholder('auditAction')}, ${sql.placeholder('memberId')}::bigint,
          ${sql.placeholder('auditDetail')}::jsonb, ${sql.placeholder('now')}::timestamptz)
      )
      select ${COUPON_COLUMNS} from ${memberCoupons} c
      where c.member_id = ${sql.placeholder('memberId')}::bigint and c.status = 'available'
        and c.valid_to >= ${sql.placeholder('now')}::timestamptz
      order by c.valid_to, c.id
      limit ${sql.placeholder('limit')}::int`,
)

/**
 * A member's coupons not used and not past their end, soonest to expire first (the till decides usable or why
 * not), read with the lookup's audit entry (a staff read of member data) in the same statement.
 */
export async function listAvailableCouponsAudited(
  tx: Tx,
  memberId: number,
  now: Date,
  audit: { staffId: number; action: string; detail: Record<string, unknown> },
): Promise<TillCouponRow[]> {
  const rows = await availableCoupons(tx, {
    memberId,
    now: now.toISOString(),
    limit: TILL_COUPONS_LIMIT,
    staffId: audit.staffId,
    auditAction: audit.action,
    auditDetail: JSON.stringify(audit.detail),
  })
  return rows.map(toCouponRow)
}

export interface Verification {
  storeId: number
  couponId: number
  memberId: number
  staffId: number
  /** The idempotency key: the confirm's requestId, or `purchase:<receipt>`. */
  requestId: string
  receiptNo: string | null
  discountFen: number
  at: Date
  audit: { action: string; detail: Record<string, unknown> }
}

export type VerifyOutcome =
  /** Verified now. */
  | { kind: 'verified'; verificationId: number; templateId: number }
  /** Nothing moved: the coupon is not available in its window (used by someone, or expired, or not started). */
  | { kind: 'not_available' }
  /** The coupon was available but this request id already verified something (a refunded receipt repeated). */
  | { kind: 'request_reused' }

type VerifyParams = Omit<Verification, 'audit' | 'at'> & { at: string; auditAction: string; auditDetail: string }
const v = (name: keyof VerifyParams) => sql.placeholder(name)

/**
 * 核销 in ONE statement: the guarded state change (available → used, only inside the stored window, at this
 * instant), the verification row (the partial unique index of one live verification per coupon is a second
 * guard; the request id makes it idempotent), used_count + 1 and the audit entry, all from the updated row. Under
 * READ COMMITTED a second clerk's UPDATE waits for the first's row lock and then finds status 'used': it
 * updates nothing, so nothing else happens.
 */
const verifyStatement = preparedStatement<
  { coupon_id: number | string | null; template_id: number | string | null; verification_id: number | string | null },
  VerifyParams
>(
  'coupon_verify',
  sql`
    with used as (
      update ${memberCoupons}
      set status = 'used', used_at = ${v('at')}::timestamptz
      where id = ${v('couponId')}::bigint and store_id = ${v('storeId')}::int and member_id = ${v('memberId')}::bigint
        and status = 'available' and valid_from <= ${v('at')}::timestamptz and valid_to >= ${v('at')}::timestamptz
      returning id, template_id, member_id
    ), verified as (
      insert into ${couponVerifications} (store_id, coupon_id, member_id, staff_id, request_id, receipt_no, discount_fen, created_at)
      select ${v('storeId')}::int, id, member_id, ${v('staffId')}::int, ${v('requestId')}, ${v('receiptNo')}::text, ${v('discountFen')}::int,
        ${v('at')}::timestamptz
      from used
      on conflict do nothing
      returning id, coupon_id, member_id
    ), counted as (
      update ${couponTemplates} set used_count = used_count + 1
      where id = (select template_id from used) and exists (select 1 from verified)
    ), audit as (
      insert into ${auditLog} (staff_id, action, member_id, detail, created_at)
      select ${v('staffId')}::int, ${v('auditAction')}, member_id,
        ${v('auditDetail')}::jsonb || jsonb_build_object('couponId', coupon_id, 'verificationId', id), ${v('at')}::timestamptz
      from verified
    )
    select (select id from used) as coupon_id, (select template_id from used) as template_id, (select id from verified) as verification_id`,
)

type PurchaseVerifyParam = 'storeId' | 'couponId' | 'memberId' | 'staffId' | 'requestId' | 'receiptNo' | 'at' | 'auditAction' | 'auditDetail'
const pv = (name: PurchaseVerifyParam) => sql.placeholder(name)

/**
 * 核销 for a purchase, in ONE statement that also answers what the coupon is: the guarded state change and the
 * verification row (its discount and purchase, and used_count + 1 on the template, are written by the purchase's
 * own statement, the transaction's last: the template row is shared by a whole campaign), the audit entry, and
 * the coupon as it stood when the statement began, with its live verification. The caller then checks tier and
 * threshold from the stored terms and refuses (rolling the change back) when they do not allow it: one round trip
 * where reading first and then writing takes two, on the till's hot path.
 */
const verifyForPurchaseStatement = preparedStatement<CouponDbRow & { updated: boolean; verification_id: number | string | null }, Record<PurchaseVerifyParam, unknown>>(
  'coupon_verify_for_purchase',
  sql`
    with used as (
      update ${memberCoupons}
      set status = 'used', used_at = ${pv('at')}::timestamptz
      where id = ${pv('couponId')}::bigint and store_id = ${pv('storeId')}::int
        and member_id = ${pv('memberId')}::bigint
        and status = 'available' and valid_from <= ${pv('at')}::timestamptz and valid_to >= ${pv('at')}::timestamptz
      returning id, member_id
    ), verified as (
      insert into ${couponVerifications} (store_id, coupon_id, member_id, staff_id, request_id, receipt_no, discount_fen, created_at)
      select ${pv('storeId')}::int, id, member_id, ${pv('staffId')}::int, ${pv('requestId')}, ${pv('receiptNo')}::text, 0, ${pv('at')}::timestamptz
      from used
      on conflict do nothing
      returning id, coupon_id, member_id
    ), audit as (
      insert into ${auditLog} (staff_id, action, member_id, detail, created_at)
      select ${pv('staffId')}::int, ${pv('auditAction')}, member_id,
        ${pv('auditDetail')}::jsonb || jsonb_build_object('couponId', coupon_id, 'verificationId', id), ${pv('at')}::timestamptz
      from verified
    )
    select ${COUPON_COLUMNS}, v.id as v_id, v.created_at as v_at, s.name as v_staff_name, v.receipt_no as v_receipt_no,
      v.discount_fen as v_discount_fen, v.request_id as v_request_id, v.purchase_id as v_purchase_id,
      exists (select 1 from used) as updated, (select id from verified) as verification_id
    from ${memberCoupons} c
    left join ${couponVerifications} v on v.coupon_id = c.id and v.voided_at is null
    left join ${staff} s on s.id = v.staff_id
    where c.id = ${pv('couponId')}::bigint and c.store_id = ${pv('storeId')}::int
    limit 1`,
)

export type PurchaseVerifyOutcome =
  /** Verified now; `coupon` is as it stood before (its terms decide the discount). */
  | { kind: 'verified'; coupon: TillCouponRow; verificationId: number }
  /** Nothing moved: `coupon` as the statement began (another member's, used, outside its window, or just taken). */
  | { kind: 'unchanged'; coupon: TillCouponRow }
  | { kind: 'not_found' }
  /** The coupon row HAS changed but this request id verified something before: the caller must refuse (rolls back). */
  | { kind: 'request_reused' }

export async function verifyCouponForPurchase(
  tx: Tx,
  v: {
    storeId: number
    couponId: number
    memberId: number
    staffId: number
    requestId: string
    receiptNo: string
    at: Date
    audit: { action: string; detail: Record<string, unknown> }
  },
): Promise<PurchaseVerifyOutcome> {
  const { audit, at, ...rest } = v
  const [row] = await verifyForPurchaseStatement(tx, { ...rest, at: at.toISOString(), auditAction: audit.action, auditDetail: JSON.stringify(audit.detail) })
  if (!row) return { kind: 'not_found' }
  const coupon = toCouponRow(row)
  if (!row.updated) return { kind: 'unchanged', coupon }
  if (row.verification_id === null) return { kind: 'request_reused' }
  return { kind: 'verified', coupon, verificationId: Number(row.verification_id) }
}

/**
 * Verifies the coupon now, or says why nothing moved. On 'request_reused' the coupon row HAS been changed: the
 * caller must refuse with an AppError so the transaction rolls back.
 */
export async function verifyCoupon(tx: Tx, verification: Verification): Promise<VerifyOutcome> {
  const { audit, at, ...rest } = verification
  const [row] = await verifyStatement(tx, { ...rest, at: at.toISOString(), auditAction: audit.action, auditDetail: JSON.stringify(audit.detail) })
  if (row.coupon_id === null) return { kind: 'not_available' }
  if (row.verification_id === null) return { kind: 'request_reused' }
  return { kind: 'verified', verificationId: Number(row.verification_id), templateId: Number(row.template_id) }
}

/**
 * A purchase's verification names the purchase (recorded in the statement after the verification), and the use is
 * counted on the template (last: every coupon of a campaign shares that row, locked until commit). For a purchase that earns no points; the usual one
 * does both in its own statement (points-ledger.ts).
 */
export async function linkVerificationToPurchase(tx: Tx, verificationId: number, purchaseId: number, discountFen: number, templateId: number): Promise<void> {
  await tx.execute(sql`
    with linked as (
      update ${couponVerifications} set purchase_id = ${purchaseId}, discount_fen = ${discountFen} where id = ${verificationId} returning id
    )
    update ${couponTemplates} set used_count = used_count + 1 where id = ${templateId} and exists (select 1 from linked)`)
}

export interface Reversal {
  storeId: number
  couponId: number
  staffId: number
  reason: string
  at: Date
  /**
   * A manager's void: only a verification made without a purchase (null), made at or after `notBefore`.
   * A refund: the verification made on this purchase, whenever it was.
   */
  purchaseId: number | null
  notBefore: Date | null
  /** Written from the reversed row; null for none (the refund writes its own). */
  audit: { action: string; detail: Record<string, unknown> } | null
}

/**
 * Reverses the live verification in ONE statement (guarded: `voided_at is null`, so never twice): the coupon is
 * 'available' again, or 'expired' when its end has passed at this instant; used_count − 1. Returns the coupon's
 * new status, or null when there was nothing to reverse under these conditions.
 */
export async function reverseVerification(tx: Tx, r: Reversal): Promise<'available' | 'expired' | null> {
  const at = r.at.toISOString()
  const which =
    r.purchaseId === null
      ? sql`purchase_id is null and created_at >= ${(r.notBefore ?? new Date(0)).toISOString()}::timestamptz`
      : sql`purchase_id = ${r.purchaseId}`
  const audit = r.audit
    ? sql`, audit as (
        insert into ${auditLog} (staff_id, action, member_id, detail, created_at)
        select ${r.staffId}::int, ${r.audit.action}, member_id,
          ${JSON.stringify(r.audit.detail)}::jsonb || jsonb_build_object('couponId', coupon_id, 'verificationId', id), ${at}::timestamptz
        from voided
      )`
    : sql``
  const [row] = await executeRows<{ status: string | null }>(
    tx.execute(sql`
      with voided as (
        update ${couponVerifications}
        set voided_at = ${at}::timestamptz, voided_by_staff_id = ${r.staffId}, void_reason = ${r.reason}
        where coupon_id = ${r.couponId} and store_id = ${r.storeId} and voided_at is null and ${which}
        returning id, coupon_id, member_id
      ), restored as (
        update ${memberCoupons}
        set status = case when valid_to >= ${at}::timestamptz then 'available' else 'expired' end, used_at = null
        where id = (select coupon_id from voided) and status = 'used'
        returning status, template_id
      ), uncounted as (
        update ${couponTemplates} set used_count = used_count - 1 where id = (select template_id from restored)
      )${audit}
      select (select status from restored) as status`),
  )
  const status = row?.status ?? null
  return status === 'available' || status === 'expired' ? status : null
}
