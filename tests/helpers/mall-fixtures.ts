import { count, eq, sql } from 'drizzle-orm'
import type { Db } from '../../src/cloud/db'
import { postPoints } from '../../src/cloud/db/repositories/points-ledger'
import { couponTemplates, mallItems, mallMemberQuota, mallRedemptions, members, pointsLedger, staffNotices, stores } from '../../src/cloud/db/schema'

/**
 * Points-mall items for the server's tests, written straight into mall_items (the console that edits them is
 * another feature's), and points for a member through postPoints, the one way points move.
 */

let serial = 0

export type MallItemInput = Partial<typeof mallItems.$inferInsert>

export async function insertMallItem(db: Db, o: MallItemInput = {}): Promise<{ id: number; key: string }> {
  const [store] = await db.select({ id: stores.id }).from(stores).limit(1)
  const key = `mall-test-${process.pid}-${++serial}-${Date.now()}`
  const [row] = await db
    .insert(mallItems)
    .values({ storeId: store.id, kind: 'gift', name: `测试礼品${serial}`, pointsPrice: 100, stockTotal: 10, createRequestId: key, ...o })
    .returning({ id: mallItems.id })
  return { id: row.id, key }
}

/** A 'mall' coupon template (满50减10) for coupon items. */
export async function insertMallCouponTemplate(db: Db): Promise<number> {
  const [store] = await db.select({ id: stores.id }).from(stores).limit(1)
  const [row] = await db
    .insert(couponTemplates)
    .values({
      storeId: store.id,
      name: '积分兑换 满50减10',
      kind: 'amount_off',
      thresholdFen: 5_000,
      amountOffFen: 1_000,
      validityKind: 'days',
      validDays: 30,
      channel: 'mall',
      createRequestId: `mall-tpl-${process.pid}-${++serial}-${Date.now()}`,
    })
    .returning({ id: couponTemplates.id })
  return row.id
}

export async function memberIdOf(db: Db, openid: string): Promise<number> {
  const [m] = await db.select({ id: members.id }).from(members).where(eq(members.openid, openid))
  return m.id
}

/** Credits `points` to the member (an 'adjust'), expiring at `expiresAt` (null: never). */
export async function fundMember(db: Db, memberId: number, points: number, at: Date, expiresAt: Date | null = null): Promise<void> {
  const [m] = await db.select({ storeId: members.storeId }).from(members).where(eq(members.id, memberId))
  await db.transaction((tx) =>
    postPoints(tx, {
      storeId: m.storeId,
      memberId,
      reason: 'adjust',
      delta: points,
      requestId: `fund-${memberId}-${++serial}-${Date.now()}`,
      note: null,
      expiresAt,
      createdAt: at,
    }),
  )
}

export async function balanceOf(db: Db, memberId: number): Promise<number> {
  const [m] = await db.select({ b: members.pointsBalance }).from(members).where(eq(members.id, memberId))
  return m.b
}

/** Everything a redemption writes, for "refused and nothing written". */
export async function mallCounts(db: Db) {
  const n = async (t: typeof mallRedemptions | typeof staffNotices | typeof pointsLedger) => (await db.select({ n: count() }).from(t))[0].n
  const [quota] = await db.select({ n: sql<number>`coalesce(sum(${mallMemberQuota.count}), 0)::int` }).from(mallMemberQuota)
  const [stock] = await db.select({ n: sql<number>`coalesce(sum(${mallItems.redeemedCount}), 0)::int` }).from(mallItems)
  return { redemptions: await n(mallRedemptions), notices: await n(staffNotices), ledger: await n(pointsLedger), quota: quota.n, redeemed: stock.n }
}

export async function itemRow(db: Db, id: number) {
  const [row] = await db.select().from(mallItems).where(eq(mallItems.id, id))
  return row
}
