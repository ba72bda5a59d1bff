import { and, desc, eq, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { couponTemplates, memberCoupons } from '../schema'

export type CouponTemplateRow = typeof couponTemplates.$inferSelect

/** What a manager sets: everything but the counts, the status and the bookkeeping. */
export type CouponTemplateFields = Pick<
  typeof couponTemplates.$inferInsert,
  | 'name'
  | 'kind'
  | 'thresholdFen'
  | 'amountOffFen'
  | 'discountPct'
  | 'maxDiscountFen'
  | 'giftName'
  | 'description'
  | 'validityKind'
  | 'validFrom'
  | 'validTo'
  | 'validDays'
  | 'claimStartsAt'
  | 'claimEndsAt'
  | 'totalQuantity'
  | 'perMemberLimit'
  | 'minTierCode'
  | 'channel'
  | 'birthdayTierCode'
>

/**
 * Creates a template unless this create request already made one (a retried save): the unique key
 * (store_id, create_request_id) decides, so two concurrent saves of one form make one template.
 */
export async function insertTemplateIfNew(
  tx: Tx,
  storeId: number,
  requestId: string,
  fields: CouponTemplateFields,
  now: Date,
): Promise<{ template: CouponTemplateRow; repeated: boolean }> {
  const [inserted] = await tx
    .insert(couponTemplates)
    .values({ ...fields, storeId, createRequestId: requestId, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [couponTemplates.storeId, couponTemplates.createRequestId] })
    .returning()
  if (inserted) return { template: inserted, repeated: false }
  const [existing] = await tx
    .select()
    .from(couponTemplates)
    .where(and(eq(couponTemplates.storeId, storeId), eq(couponTemplates.createRequestId, requestId)))
  if (!existing) throw new Error('insertTemplateIfNew: conflicting template vanished')
  return { template: existing, repeated: true }
}

export type TemplateUpdate = { ok: true; template: CouponTemplateRow } | { ok: false; reason: 'not_found' | 'below_claimed' }

/**
 * Replaces a template's settings. Never touches claimed_count or used_count (CRMEB's edit reset them), and
 * refuses a total below what is already claimed in the UPDATE's own guard, so a claim committing meanwhile
 * cannot slip under it. Zero rows: a follow-up read tells "no such template" from "total too low".
 */
export async function updateTemplateFields(tx: Tx, storeId: number, id: number, fields: CouponTemplateFields, now: Date): Promise<TemplateUpdate> {
  const total = fields.totalQuantity ?? null
  const [updated] = await tx
    .update(couponTemplates)
    .set({ ...fields, totalQuantity: total, updatedAt: now })
    .where(
      and(
        eq(couponTemplates.id, id),
        eq(couponTemplates.storeId, storeId),
        total === null ? undefined : sql`${couponTemplates.claimedCount} <= ${total}`,
      ),
    )
    .returning()
  if (updated) return { ok: true, template: updated }
  const existing = await findTemplate(tx, storeId, id)
  return { ok: false, reason: existing ? 'below_claimed' : 'not_found' }
}

/** Stops or resumes new claims and issues; coupons already held are untouched (they live in member_coupons). */
export async function setTemplateStatus(tx: Tx, storeId: number, id: number, status: 'active' | 'stopped', now: Date): Promise<CouponTemplateRow | null> {
  const [row] = await tx
    .update(couponTemplates)
    .set({ status, updatedAt: now })
    .where(and(eq(couponTemplates.id, id), eq(couponTemplates.storeId, storeId)))
    .returning()
  return row ?? null
}

export async function findTemplate(tx: Tx, storeId: number, id: number): Promise<CouponTemplateRow | null> {
  const [row] = await tx
    .select()
    .from(couponTemplates)
    .where(and(eq(couponTemplates.id, id), eq(couponTemplates.storeId, storeId)))
    .limit(1)
  return row ?? null
}

export async function listTemplates(tx: Tx, storeId: number, status?: 'active' | 'stopped'): Promise<CouponTemplateRow[]> {
  return tx
    .select()
    .from(couponTemplates)
    .where(and(eq(couponTemplates.storeId, storeId), status ? eq(couponTemplates.status, status) : undefined))
    .orderBy(desc(couponTemplates.id))
    .limit(500)
}

/**
 * Takes one from the stock: the guarded increment every issue goes through. The WHERE is re-checked on the
 * latest row version by concurrent updates (READ COMMITTED), so with total N exactly N succeed however many
 * race; the CHECK (claimed_count <= total_quantity) backs it. Null: stopped, sold out, another channel or absent.
 */
export async function takeFromStock(tx: Tx, storeId: number, id: number, channel: string): Promise<CouponTemplateRow | null> {
  const [row] = await tx
    .update(couponTemplates)
    .set({ claimedCount: sql`${couponTemplates.claimedCount} + 1` })
    .where(
      and(
        eq(couponTemplates.id, id),
        eq(couponTemplates.storeId, storeId),
        eq(couponTemplates.status, 'active'),
        eq(couponTemplates.channel, channel),
        sql`(${couponTemplates.totalQuantity} is null or ${couponTemplates.claimedCount} < ${couponTemplates.totalQuantity})`,
      ),
    )
    .returning()
  return row ?? null
}

export interface ClaimableTemplateRow {
  template: CouponTemplateRow
  claimedByMe: number
}

/**
 * The 领券中心: active claim templates whose claim window (and fixed use window) has not ended, with how many
 * this member holds of each, in one statement.
 */
export async function listClaimableTemplates(tx: Tx, storeId: number, memberId: number, now: Date): Promise<ClaimableTemplateRow[]> {
  const at = sql`${now.toISOString()}::timestamptz`
  const rows = await tx
    .select({
      template: couponTemplates,
      // Qualified by hand: drizzle renders a lone table's columns unqualified, which inside the subquery would be mc's.
      claimedByMe: sql<number>`(select count(*) from ${memberCoupons} mc where mc.template_id = coupon_templates.id and mc.member_id = ${memberId})`.mapWith(Number),
    })
    .from(couponTemplates)
    .where(
      and(
        eq(couponTemplates.storeId, storeId),
        eq(couponTemplates.channel, 'claim'),
        eq(couponTemplates.status, 'active'),
        sql`(${couponTemplates.claimEndsAt} is null or ${couponTemplates.claimEndsAt} >= ${at})`,
        sql`(${couponTemplates.validTo} is null or ${couponTemplates.validTo} >= ${at})`,
      ),
    )
    .orderBy(desc(couponTemplates.id))
    .limit(100)
  return rows
}
