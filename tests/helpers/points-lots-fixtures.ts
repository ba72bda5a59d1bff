import { asc, eq, sql } from 'drizzle-orm'
import type { LedgerReason } from '../../src/contract/enums'
import type { Db } from '../../src/cloud/app'
import { postPoints, type PostedPoints } from '../../src/cloud/db/repositories/points-ledger'
import { members, pointsLedger, pointsLots } from '../../src/cloud/db/schema'
import { pointsExpireAt } from '../../src/domain/points-expiry'
import { openNewCard, type AppFixture } from './app-fixture'

export const SH = 'Asia/Shanghai'
/** A Shanghai wall time ('2026-12-31 23:59:59') as an instant (UTC+8, no DST). */
export const sh = (wall: string): Date => new Date(`${wall.replace(' ', 'T')}+08:00`)

export interface LotsMember {
  id: number
  storeId: number
  openid: string
}

/** A new card (via the real openCard) with no points. */
export async function newLotsMember(app: AppFixture, openid: string): Promise<LotsMember> {
  await openNewCard(app, openid)
  const [m] = await app.db.select({ id: members.id, storeId: members.storeId }).from(members).where(eq(members.openid, openid))
  return { ...m, openid }
}

let seq = 0
/**
 * One movement through postPoints in its own transaction, at `at`. Credits expire by the store's rule (earned at
 * `at`, Shanghai) unless `expiresAt` is given.
 */
export function movePoints(
  db: Db,
  member: LotsMember,
  reason: LedgerReason,
  delta: number,
  at: Date,
  o: { expiresAt?: Date | null; reversesEntryId?: number } = {},
): Promise<PostedPoints> {
  return db.transaction((tx) =>
    postPoints(tx, {
      storeId: member.storeId,
      memberId: member.id,
      reason,
      delta,
      requestId: `lots-test:${member.id}:${++seq}`,
      note: null,
      expiresAt: o.expiresAt !== undefined ? o.expiresAt : delta > 0 ? pointsExpireAt(at, SH) : null,
      createdAt: at,
      reversesEntryId: o.reversesEntryId ?? null,
    }),
  )
}

/** The member's lots, oldest first: [amount, remaining, expiresAt ISO | null]. */
export async function lotsOf(db: Db, memberId: number): Promise<Array<[number, number, string | null]>> {
  const rows = await db.select().from(pointsLots).where(eq(pointsLots.memberId, memberId)).orderBy(asc(pointsLots.id))
  return rows.map((l) => [l.amount, l.remaining, l.expiresAt?.toISOString() ?? null])
}

export async function balanceOf(db: Db, memberId: number): Promise<number> {
  const [m] = await db.select({ b: members.pointsBalance }).from(members).where(eq(members.id, memberId))
  return m.b
}

export async function entriesOf(db: Db, memberId: number, reason: LedgerReason): Promise<Array<{ delta: number; requestId: string }>> {
  const rows = await db
    .select({ delta: pointsLedger.delta, requestId: pointsLedger.requestId })
    .from(pointsLedger)
    .where(sql`${pointsLedger.memberId} = ${memberId} and ${pointsLedger.reason} = ${reason}`)
    .orderBy(asc(pointsLedger.id))
  return rows
}
