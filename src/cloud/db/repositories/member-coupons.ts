import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import { executeRows, type Tx } from '../db'
import { memberCoupons } from '../schema'
import { toMemberRow, type MemberDbRow, type MemberRow } from './members'

export type MemberCouponRow = typeof memberCoupons.$inferSelect
export type NewMemberCoupon = Omit<typeof memberCoupons.$inferInsert, 'id' | 'status' | 'usedAt' | 'remindedAt'>

const at = (now: Date) => sql`${now.toISOString()}::timestamptz`

/**
 * Locks a member's row for the rest of the transaction and returns it as it is now: issues to one member take
 * turns, so the per-member limit counted after it holds exactly. NO KEY UPDATE (not UPDATE), so the KEY SHARE
 * lock that inserting a row referencing the member takes (a purchase, an audit entry) is not blocked; it still
 * conflicts with the till's FOR UPDATE, so a purchase and an issue to one member also take turns. Null: absent.
 */
export async function lockMemberForIssue(tx: Tx, memberId: number): Promise<MemberRow | null> {
  const [row] = await executeRows<MemberDbRow>(tx.execute(sql`select * from members where id = ${memberId} for no key update`))
  return row ? toMemberRow(row) : null
}

/** The coupon an issue with this idempotency key made, if any. */
export async function findCouponBySourceKey(tx: Tx, storeId: number, sourceKey: string): Promise<MemberCouponRow | null> {
  const [row] = await tx
    .select()
    .from(memberCoupons)
    .where(and(eq(memberCoupons.storeId, storeId), eq(memberCoupons.sourceKey, sourceKey)))
    .limit(1)
  return row ?? null
}

/** How many coupons of a template a member holds or held (any status): the per-member limit. Call under the member's lock. */
export async function countMemberCouponsOfTemplate(tx: Tx, templateId: number, memberId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(memberCoupons)
    .where(and(eq(memberCoupons.templateId, templateId), eq(memberCoupons.memberId, memberId)))
  return row.n
}

/** Inserts the coupon unless its source key was already used (a retried issue): null then. */
export async function insertCouponIfNew(tx: Tx, coupon: NewMemberCoupon): Promise<MemberCouponRow | null> {
  const [row] = await tx
    .insert(memberCoupons)
    .values(coupon)
    .onConflictDoNothing({ target: [memberCoupons.storeId, memberCoupons.sourceKey] })
    .returning()
  return row ?? null
}

/** One of this member's coupons; another member's id finds nothing. */
export async function findMemberCoupon(tx: Tx, storeId: number, memberId: number, id: number): Promise<MemberCouponRow | null> {
  const [row] = await tx
    .select()
    .from(memberCoupons)
    .where(and(eq(memberCoupons.id, id), eq(memberCoupons.storeId, storeId), eq(memberCoupons.memberId, memberId)))
    .limit(1)
  return row ?? null
}

export type WalletTab = 'usable' | 'used' | 'expired'

/** Where a page ended: the sort key and the id of its last row. */
export interface WalletCursor {
  at: Date
  id: number
}

/**
 * One tab of the wallet, decided from stored dates at `now` (never by a job having run):
 *  - usable: available and not past its end (including not yet started), soonest to expire first;
 *  - used: most recently used first;
 *  - expired: marked expired, or available and past its end, most recently ended first.
 * Keyset pages on (sort key, id), served by member_coupons_member_ix.
 */
export async function listWallet(
  tx: Tx,
  memberId: number,
  tab: WalletTab,
  now: Date,
  cursor: WalletCursor | null,
  limit: number,
): Promise<MemberCouponRow[]> {
  const c = memberCoupons
  const after = (key: typeof c.validTo | typeof c.usedAt, dir: '>' | '<'): SQL | undefined =>
    cursor ? sql`(${key}, ${c.id}) ${sql.raw(dir)} (${at(cursor.at)}, ${cursor.id})` : undefined
  const base = eq(c.memberId, memberId)
  if (tab === 'usable') {
    return tx
      .select()
      .from(c)
      .where(and(base, eq(c.status, 'available'), sql`${c.validTo} >= ${at(now)}`, after(c.validTo, '>')))
      .orderBy(asc(c.validTo), asc(c.id))
      .limit(limit)
  }
  if (tab === 'used') {
    return tx
      .select()
      .from(c)
      .where(and(base, eq(c.status, 'used'), after(c.usedAt, '<')))
      .orderBy(desc(c.usedAt), desc(c.id))
      .limit(limit)
  }
  return tx
    .select()
    .from(c)
    .where(and(base, sql`(${c.status} = 'expired' or (${c.status} = 'available' and ${c.validTo} < ${at(now)}))`, after(c.validTo, '<')))
    .orderBy(desc(c.validTo), desc(c.id))
    .limit(limit)
}

/** The three tab badges in one statement, with the same rules as listWallet. */
export async function walletCounts(tx: Tx, memberId: number, now: Date): Promise<Record<WalletTab, number>> {
  const c = memberCoupons
  const [row] = await tx
    .select({
      usable: sql<number>`count(*) filter (where ${c.status} = 'available' and ${c.validTo} >= ${at(now)})`.mapWith(Number),
      used: sql<number>`count(*) filter (where ${c.status} = 'used')`.mapWith(Number),
      expired: sql<number>`count(*) filter (where ${c.status} = 'expired' or (${c.status} = 'available' and ${c.validTo} < ${at(now)}))`.mapWith(Number),
    })
    .from(c)
    .where(eq(c.memberId, memberId))
  return row
}

/**
 * The card's "N 张可用券": available coupons whose window contains now. One count on member_coupons_member_ix
 * (member_id, status, valid_to), cheap enough for getMyCard. The tier is not checked here (the wallet says why).
 */
export async function countUsableNow(tx: Tx, memberId: number, now: Date): Promise<number> {
  const c = memberCoupons
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(c)
    .where(and(eq(c.memberId, memberId), eq(c.status, 'available'), sql`${c.validTo} >= ${at(now)}`, sql`${c.validFrom} <= ${at(now)}`))
  return row.n
}

/**
 * The demo seed only: a coupon used at the till, as the till records it (status, used_at, the template's
 * used_count and a live verification row by the clerk), in one statement. The till's own path is H2's
 * verification; this exists so a newcomer sees a used coupon in the wallet.
 */
export async function recordSeedVerification(
  tx: Tx,
  v: { storeId: number; couponId: number; staffId: number; usedAt: Date; requestId: string; discountFen: number },
): Promise<void> {
  await tx.execute(sql`
    with used as (
      update member_coupons set status = 'used', used_at = ${at(v.usedAt)}
      where id = ${v.couponId} and store_id = ${v.storeId} and status = 'available'
      returning id, member_id, template_id
    ), counted as (
      update coupon_templates set used_count = used_count + 1 where id = (select template_id from used)
      returning id
    )
    insert into coupon_verifications (store_id, coupon_id, member_id, staff_id, request_id, discount_fen, created_at)
    select ${v.storeId}, used.id, used.member_id, ${v.staffId}, ${v.requestId}, ${v.discountFen}, ${at(v.usedAt)}
    from used where exists (select 1 from counted)`)
}
