import { and, eq, sql } from 'drizzle-orm'
import type { TierCode } from '../../../contract'
import type { Tx } from '../db'
import { members } from '../schema'

export type MemberRow = typeof members.$inferSelect
export type NewMember = Pick<
  typeof members.$inferInsert,
  'storeId' | 'openid' | 'nickname' | 'phoneEnc' | 'birthdayEnc' | 'birthMonth' | 'tierCode' | 'openedAt'
>

export async function findMemberByOpenid(tx: Tx, storeId: number, openid: string): Promise<MemberRow | null> {
  const rows = await tx.select().from(members).where(and(eq(members.storeId, storeId), eq(members.openid, openid))).limit(1)
  return rows[0] ?? null
}

export async function findMemberByNo(tx: Tx, storeId: number, memberNo: string): Promise<MemberRow | null> {
  const rows = await tx.select().from(members).where(and(eq(members.storeId, storeId), eq(members.memberNo, memberNo))).limit(1)
  return rows[0] ?? null
}

/**
 * Inserts the card unless this WeChat user already has one in this store. Race-safe: two concurrent calls
 * meet at the unique key (store_id, openid); the loser gets null and reads the winner's row.
 */
export async function insertMemberIfAbsent(tx: Tx, member: NewMember): Promise<MemberRow | null> {
  const rows = await tx
    .insert(members)
    .values(member)
    .onConflictDoNothing({ target: [members.storeId, members.openid] })
    .returning()
  return rows[0] ?? null
}

export interface MemberTotals {
  pointsBalance: number
  growth: number
  tierCode: TierCode
}

/**
 * Adds to the cached balance and growth in one guarded statement and returns the new totals (no read-then-write).
 * The CHECK (points_balance >= 0) refuses anything that would go negative; the caller appends the matching
 * ledger entry in the same transaction.
 */
export async function creditMember(tx: Tx, memberId: number, points: number, growth: number): Promise<MemberTotals> {
  const rows = await tx
    .update(members)
    .set({ pointsBalance: sql`${members.pointsBalance} + ${points}`, growth: sql`${members.growth} + ${growth}` })
    .where(and(eq(members.id, memberId), eq(members.status, 'active')))
    .returning({ pointsBalance: members.pointsBalance, growth: members.growth, tierCode: members.tierCode })
  const row = rows[0]
  if (!row) throw new Error(`creditMember: member ${memberId} is not active`)
  return { ...row, tierCode: row.tierCode as TierCode }
}

/** Called while the row is locked by creditMember in the same transaction, so no one else moves the tier meanwhile. */
export async function setMemberTier(tx: Tx, memberId: number, tierCode: TierCode): Promise<void> {
  await tx.update(members).set({ tierCode }).where(eq(members.id, memberId))
}
