import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { TierCode } from '../../../contract/enums'
import { executeRows, preparedStatement, type Tx } from '../db'
import { members } from '../schema'

export type MemberRow = typeof members.$inferSelect
export type NewMember = Pick<
  typeof members.$inferInsert,
  'storeId' | 'openid' | 'nickname' | 'phoneEnc' | 'phoneHash' | 'birthdayEnc' | 'birthMonth' | 'tierCode' | 'openedAt'
>

export async function findMemberByOpenid(tx: Tx, storeId: number, openid: string): Promise<MemberRow | null> {
  const rows = await tx.select().from(members).where(and(eq(members.storeId, storeId), eq(members.openid, openid))).limit(1)
  return rows[0] ?? null
}

/** A members row as a raw statement (or to_jsonb) returns it (bigint and times as text on node-postgres). */
export interface MemberDbRow {
  id: number | string
  store_id: number
  openid: string
  member_no: string
  nickname: string
  phone_enc: string
  phone_hash: string | null
  birthday_enc: string | null
  birth_month: number | null
  birthday_set_at: string | Date | null
  birthday_gift_from_year: number | null
  tier_code: string
  points_balance: number
  growth: number
  status: string
  opened_at: string | Date
  closed_at: string | Date | null
}

const MEMBER_COLUMNS = sql.raw(
  'id, store_id, openid, member_no, nickname, phone_enc, phone_hash, birthday_enc, birth_month, birthday_set_at, birthday_gift_from_year, tier_code, points_balance, growth, status, opened_at, closed_at',
)

export function toMemberRow(r: MemberDbRow): MemberRow {
  return {
    id: Number(r.id),
    storeId: r.store_id,
    openid: r.openid,
    memberNo: r.member_no,
    nickname: r.nickname,
    phoneEnc: r.phone_enc,
    phoneHash: r.phone_hash,
    birthdayEnc: r.birthday_enc,
    birthMonth: r.birth_month,
    birthdaySetAt: r.birthday_set_at === null ? null : new Date(r.birthday_set_at),
    birthdayGiftFromYear: r.birthday_gift_from_year,
    tierCode: r.tier_code,
    pointsBalance: r.points_balance,
    growth: r.growth,
    status: r.status,
    openedAt: new Date(r.opened_at),
    closedAt: r.closed_at === null ? null : new Date(r.closed_at),
  }
}

// On every till call: built once, planned once per connection, rows mapped by hand (no query builder per call).
const memberByNo = preparedStatement<MemberDbRow, { storeId: number; memberNo: string }>(
  'member_by_no',
  sql`select ${MEMBER_COLUMNS} from ${members} where store_id = ${sql.placeholder('storeId')} and member_no = ${sql.placeholder('memberNo')} limit 1`,
)
const memberByNoForUpdate = preparedStatement<MemberDbRow, { storeId: number; memberNo: string }>(
  'member_by_no_for_update',
  sql`select ${MEMBER_COLUMNS} from ${members} where store_id = ${sql.placeholder('storeId')} and member_no = ${sql.placeholder('memberNo')} limit 1 for update`,
)

export async function findMemberByNo(tx: Tx, storeId: number, memberNo: string): Promise<MemberRow | null> {
  const [row] = await memberByNo(tx, { storeId, memberNo })
  return row ? toMemberRow(row) : null
}

/**
 * The same, with the row locked for the rest of the transaction (a purchase: the totals read here are the
 * ones its single write statement builds on, so a promotion decided from them cannot race another purchase).
 */
export async function findMemberByNoForUpdate(tx: Tx, storeId: number, memberNo: string): Promise<MemberRow | null> {
  const [row] = await memberByNoForUpdate(tx, { storeId, memberNo })
  return row ? toMemberRow(row) : null
}

export async function findActiveMemberByPhoneHash(tx: Tx, storeId: number, phoneHash: string): Promise<MemberRow | null> {
  const rows = await tx
    .select()
    .from(members)
    .where(and(eq(members.storeId, storeId), eq(members.phoneHash, phoneHash), eq(members.status, 'active')))
    .limit(1)
  return rows[0] ?? null
}

/**
 * Inserts the card unless it would be a second one: for this WeChat user (unique store_id, openid) or for this
 * phone (unique store_id, phone_hash among active cards). Race-safe: concurrent calls meet at those keys and the
 * losers get null; the caller reads the winner's row to tell which key it was.
 */
export async function insertMemberIfAbsent(tx: Tx, member: NewMember): Promise<MemberRow | null> {
  const rows = await tx.insert(members).values(member).onConflictDoNothing().returning()
  return rows[0] ?? null
}

export interface MemberTotals {
  pointsBalance: number
  growth: number
  tierCode: TierCode
}

/**
 * Adds growth (never points: those move only through postPoints) and returns the totals; also locks the row
 * for the rest of the transaction, so a promotion decided from these totals cannot race another purchase.
 */
export async function addGrowth(tx: Tx, memberId: number, growth: number): Promise<MemberTotals> {
  const rows = await tx
    .update(members)
    .set({ growth: sql`${members.growth} + ${growth}` })
    .where(and(eq(members.id, memberId), eq(members.status, 'active')))
    .returning({ pointsBalance: members.pointsBalance, growth: members.growth, tierCode: members.tierCode })
  const row = rows[0]
  if (!row) throw new Error(`addGrowth: member ${memberId} is not active`)
  return { ...row, tierCode: row.tierCode as TierCode }
}

/** Called while the row is locked (postPoints or addGrowth) in the same transaction, so no one else moves the tier meanwhile. */
export async function setMemberTier(tx: Tx, memberId: number, tierCode: TierCode): Promise<void> {
  await tx.update(members).set({ tierCode }).where(eq(members.id, memberId))
}

/** Rows still without a phone hash (from before migration 0002), by id, after `afterId`. */
export async function listMembersWithoutPhoneHash(
  tx: Tx,
  afterId: number,
  limit: number,
): Promise<Array<Pick<MemberRow, 'id' | 'storeId' | 'phoneEnc'>>> {
  return tx
    .select({ id: members.id, storeId: members.storeId, phoneEnc: members.phoneEnc })
    .from(members)
    .where(and(isNull(members.phoneHash), gt(members.id, afterId)))
    .orderBy(asc(members.id))
    .limit(limit)
}

/**
 * Sets a missing phone hash unless another active card of the store already holds it (two cards for one phone
 * opened before the rule existed): that row keeps a null hash and is returned false, for staff to resolve.
 */
export async function setPhoneHashIfFree(tx: Tx, memberId: number, storeId: number, phoneHash: string): Promise<boolean> {
  const rows = await executeRows<{ id: number }>(tx.execute(sql`
    update members set phone_hash = ${phoneHash}
    where id = ${memberId} and phone_hash is null
      and not (status = 'active' and exists (
        select 1 from members other
        where other.store_id = ${storeId} and other.phone_hash = ${phoneHash} and other.status = 'active'))
    returning id`))
  return rows.length > 0
}
