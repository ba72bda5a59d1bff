import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { TierCode } from '../../../contract/enums'
import { executeRows, type Tx } from '../db'
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

export async function findMemberByNo(tx: Tx, storeId: number, memberNo: string): Promise<MemberRow | null> {
  // Prepared (on every till call): PostgreSQL plans it once per connection.
  const rows = await tx
    .select()
    .from(members)
    .where(and(eq(members.storeId, sql.placeholder('storeId')), eq(members.memberNo, sql.placeholder('memberNo'))))
    .limit(1)
    .prepare('member_by_no')
    .execute({ storeId, memberNo })
  return rows[0] ?? null
}

/**
 * The same, with the row locked for the rest of the transaction (a purchase: the totals read here are the
 * ones its single write statement builds on, so a promotion decided from them cannot race another purchase).
 */
export async function findMemberByNoForUpdate(tx: Tx, storeId: number, memberNo: string): Promise<MemberRow | null> {
  const rows = await tx
    .select()
    .from(members)
    .where(and(eq(members.storeId, sql.placeholder('storeId')), eq(members.memberNo, sql.placeholder('memberNo'))))
    .limit(1)
    .for('update')
    .prepare('member_by_no_for_update')
    .execute({ storeId, memberNo })
  return rows[0] ?? null
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
