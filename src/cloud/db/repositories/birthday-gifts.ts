import { desc, eq, sql } from 'drizzle-orm'
import type { TierCode } from '../../../contract/enums'
import { executeRows, type Tx } from '../db'
import type { MemberCouponRow } from './member-coupons'
import { birthdayGifts, couponTemplates, memberCoupons, members, notifications } from '../schema'

/**
 * The birthday gift, set-based: a chunk of members per statement. The unique (member_id, year) of birthday_gifts
 * is the once-guard: a second or concurrent run's insert does nothing for a member already gifted, and only the
 * rows this statement inserted get a coupon, a claimed count and a notification. Points go through
 * points-ledger.ts (postPointsToMany) in the same transaction.
 */

/**
 * Serializes issuing birthday gifts in a store for the rest of the transaction (a job chunk, a member setting the
 * birthday, a manager correcting one). Taken FIRST, before any member row is written: without it a correction
 * (member row locked, then the gift) and a chunk (the gift, then the member's points) could wait on each other.
 */
export async function lockBirthdayIssue(tx: Tx, storeId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('birthday-gifts'), ${storeId})`)
}

export interface BirthdayTemplate {
  id: number
  name: string
  birthdayTierCode: TierCode | null
  /** The template's audience: a member below it does not get this template (its coupon would be unusable). */
  minTierCode: TierCode | null
  /** Null: unlimited. */
  remaining: number | null
  claimStartsAt: Date | null
  claimEndsAt: Date | null
}

/**
 * The store's active birthday templates, locked for the rest of the transaction: the stock read here is what the
 * chunk hands out, and concurrent chunks (two runs, a member setting a birthday) take turns on it instead of
 * both handing out the last coupon (the CHECK claimed_count <= total_quantity is the backstop).
 */
export async function lockBirthdayTemplates(tx: Tx, storeId: number): Promise<BirthdayTemplate[]> {
  const rows = await executeRows<{
    id: number | string
    name: string
    birthday_tier_code: TierCode | null
    min_tier_code: TierCode | null
    remaining: number | null
    claim_starts_at: string | Date | null
    claim_ends_at: string | Date | null
  }>(
    tx.execute(sql`
      select id, name, birthday_tier_code, min_tier_code, total_quantity - claimed_count as remaining, claim_starts_at, claim_ends_at
      from ${couponTemplates}
      where store_id = ${storeId} and channel = 'birthday' and status = 'active'
      order by id
      for update`),
  )
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    birthdayTierCode: r.birthday_tier_code,
    minTierCode: r.min_tier_code,
    remaining: r.remaining === null ? null : Number(r.remaining),
    claimStartsAt: r.claim_starts_at === null ? null : new Date(r.claim_starts_at),
    claimEndsAt: r.claim_ends_at === null ? null : new Date(r.claim_ends_at),
  }))
}

/** Whether the store has an active birthday template (the 生日礼 page's note; no lock, a plain read). */
export async function hasActiveBirthdayTemplate(tx: Tx, storeId: number): Promise<boolean> {
  const rows = await executeRows<{ one: number }>(
    tx.execute(sql`select 1 as one from ${couponTemplates} where store_id = ${storeId} and channel = 'birthday' and status = 'active' limit 1`),
  )
  return rows.length > 0
}

export interface BirthdayCandidate {
  id: number
  tierCode: TierCode
}

export interface CandidateQuery {
  storeId: number
  month: number
  year: number
  /** Keyset: members with a larger id (the job's cursor); null from the start. */
  afterId: number | null
  limit: number
  /** Only this member (setMyBirthday, openCard). */
  memberId?: number
}

/**
 * Active members in their birth month whose first gift year has come and who have no gift this year, by id.
 * The birth month is kept in clear for exactly this (members_store_birth_month_ix), the day stays encrypted.
 */
export async function findBirthdayCandidates(tx: Tx, q: CandidateQuery): Promise<BirthdayCandidate[]> {
  const rows = await executeRows<{ id: number | string; tier_code: TierCode }>(
    tx.execute(sql`
      select m.id, m.tier_code
      from ${members} m
      where m.store_id = ${q.storeId} and m.birth_month = ${q.month} and m.status = 'active'
        and coalesce(m.birthday_gift_from_year, 0) <= ${q.year}
        and m.id > ${q.afterId ?? 0}
        ${q.memberId === undefined ? sql`` : sql`and m.id = ${q.memberId}`}
        and not exists (select 1 from ${birthdayGifts} g where g.member_id = m.id and g.year = ${q.year})
      order by m.id
      limit ${q.limit}`),
  )
  return rows.map((r) => ({ id: Number(r.id), tierCode: r.tier_code }))
}

/** The notification's columns for one variant of the gift (one per template, and one for points only). */
export interface GiftNotice {
  /** The template this text names, or null for a points-only gift. */
  templateId: number | null
  title: string
  body: string
  payload: Record<string, string | number>
  deliveryStatus: 'none' | 'pending' | 'skipped'
  wechatTemplateId: string | null
  wechatData: Record<string, { value: string }> | null
  page: string | null
  lastError: string | null
}

export interface GiftBatch {
  storeId: number
  year: number
  month: number
  now: Date
  /** The end of the birth month, 23:59:59.999 store time: the coupon's valid_to. */
  validTo: Date
  points: number
  /** Who gets what: the template decided by tier and stock (null: points only), and the coupon's code. */
  gifts: ReadonlyArray<{ memberId: number; templateId: number | null; code: string }>
  notices: readonly GiftNotice[]
  /** The `birthday_gift` dedupe key is 'birthday_gift:<memberId>:<year>' (src/domain/notifications). */
  dedupePrefix: string
  nextAttemptAt: Date
}

export interface IssuedGift {
  memberId: number
  couponId: number | null
}

/**
 * One statement for the chunk: birthday_gifts rows (ON CONFLICT DO NOTHING: the once-guard; the member is checked
 * again: still active, still in the birth month, first year come), then for the rows actually inserted the
 * coupon with the template's terms copied (source key birthday:<member>:<year>), the templates' claimed counts,
 * and the birthday_gift notification (once per dedupe key). A second statement links the gift to its coupon.
 * Returns the members gifted now.
 */
export async function insertBirthdayGifts(tx: Tx, b: GiftBatch): Promise<IssuedGift[]> {
  if (b.gifts.length === 0) return []
  const input = JSON.stringify(b.gifts.map((g) => ({ member_id: g.memberId, template_id: g.templateId, code: g.code })))
  const notices = JSON.stringify(
    b.notices.map((n) => ({
      template_key: n.templateId ?? 0,
      title: n.title,
      body: n.body,
      payload: n.payload,
      delivery_status: n.deliveryStatus,
      wechat_template_id: n.wechatTemplateId,
      wechat_data: n.wechatData,
      page: n.page,
      last_error: n.lastError,
    })),
  )
  const now = b.now.toISOString()
  const rows = await executeRows<{ member_id: number | string; coupon_id: number | string | null }>(
    tx.execute(sql`
      with input as (
        select * from jsonb_to_recordset(${input}::jsonb) as i(member_id bigint, template_id bigint, code text)
      ), eligible as (
        select i.member_id, i.template_id, i.code
        from input i join ${members} m on m.id = i.member_id
        where m.store_id = ${b.storeId} and m.status = 'active' and m.birth_month = ${b.month}
          and coalesce(m.birthday_gift_from_year, 0) <= ${b.year}
      ), gift as (
        insert into ${birthdayGifts} (store_id, member_id, year, points, created_at)
        select ${b.storeId}, member_id, ${b.year}, ${b.points}, ${now}::timestamptz from eligible order by member_id
        on conflict (member_id, year) do nothing
        returning member_id
      ), coupon as (
        insert into ${memberCoupons} (store_id, template_id, member_id, code, channel, source_key, name, kind, threshold_fen,
          amount_off_fen, discount_pct, max_discount_fen, gift_name, description, min_tier_code, valid_from, valid_to, status, issued_at)
        select ${b.storeId}, t.id, e.member_id, e.code, 'birthday', 'birthday:' || e.member_id || ':' || ${b.year}, t.name, t.kind,
          t.threshold_fen, t.amount_off_fen, t.discount_pct, t.max_discount_fen, t.gift_name, t.description, t.min_tier_code,
          ${now}::timestamptz, ${b.validTo.toISOString()}::timestamptz, 'available', ${now}::timestamptz
        from gift g join eligible e on e.member_id = g.member_id join ${couponTemplates} t on t.id = e.template_id
        order by e.member_id
        returning id, member_id, template_id
      ), counted as (
        update ${couponTemplates} t set claimed_count = t.claimed_count + c.n
        from (select template_id, count(*)::int as n from coupon group by template_id) c
        where t.id = c.template_id
      ), notice_text as (
        select * from jsonb_to_recordset(${notices}::jsonb) as n(template_key bigint, title text, body text, payload jsonb,
          delivery_status text, wechat_template_id text, wechat_data jsonb, page text, last_error text)
      ), notice as (
        insert into ${notifications} (store_id, member_id, kind, dedupe_key, title, body, payload, delivery_status, template_id,
          wechat_data, page, last_error, created_at, next_attempt_at)
        select ${b.storeId}, g.member_id, 'birthday_gift', ${b.dedupePrefix} || g.member_id || ':' || ${b.year}, n.title, n.body, n.payload,
          n.delivery_status, n.wechat_template_id, n.wechat_data, n.page, n.last_error, ${now}::timestamptz,
          ${b.nextAttemptAt.toISOString()}::timestamptz
        from gift g join eligible e on e.member_id = g.member_id join notice_text n on n.template_key = coalesce(e.template_id, 0)
        order by g.member_id
        on conflict (store_id, dedupe_key) do nothing
      )
      select g.member_id, c.id as coupon_id from gift g left join coupon c on c.member_id = g.member_id`),
  )
  const issued = rows.map((r) => ({ memberId: Number(r.member_id), couponId: r.coupon_id === null ? null : Number(r.coupon_id) }))
  const withCoupon = issued.filter((g) => g.couponId !== null)
  if (withCoupon.length > 0) {
    await tx.execute(sql`
      update ${birthdayGifts} g set coupon_id = l.coupon_id
      from jsonb_to_recordset(${JSON.stringify(withCoupon.map((g) => ({ member_id: g.memberId, coupon_id: g.couponId })))}::jsonb)
        as l(member_id bigint, coupon_id bigint)
      where g.member_id = l.member_id and g.year = ${b.year}`)
  }
  return issued
}

export interface BirthdayGiftRow {
  year: number
  points: number
  createdAt: Date
  coupon: MemberCouponRow | null
}

/** A member's gifts with their coupons, most recent year first (the 生日礼 page and the card). */
export async function listMemberBirthdayGifts(tx: Tx, memberId: number, limit: number): Promise<BirthdayGiftRow[]> {
  const rows = await tx
    .select({ gift: birthdayGifts, coupon: memberCoupons })
    .from(birthdayGifts)
    .leftJoin(memberCoupons, eq(memberCoupons.id, birthdayGifts.couponId))
    .where(eq(birthdayGifts.memberId, memberId))
    .orderBy(desc(birthdayGifts.year))
    .limit(limit)
  return rows.map((r) => ({ year: r.gift.year, points: r.gift.points, createdAt: r.gift.createdAt, coupon: r.coupon }))
}

/** Rows left for the job's progress bar: members in the birth month without this year's gift. */
export async function countBirthdayCandidates(tx: Tx, storeId: number, month: number, year: number): Promise<number> {
  const [row] = await executeRows<{ n: number | string }>(
    tx.execute(sql`
      select count(*) as n from ${members} m
      where m.store_id = ${storeId} and m.birth_month = ${month} and m.status = 'active'
        and coalesce(m.birthday_gift_from_year, 0) <= ${year}
        and not exists (select 1 from ${birthdayGifts} g where g.member_id = m.id and g.year = ${year})`),
  )
  return Number(row.n)
}

