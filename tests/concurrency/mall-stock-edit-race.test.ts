import { eq, sql } from 'drizzle-orm'
import { DEMO_OPENIDS } from '../../src/cloud/app'
import { mallItems } from '../../src/cloud/db/schema'
import { createAppFixture, type AppFixture } from '../helpers/app-fixture'
import { requirePostgres } from '../helpers/test-db'

// Real PostgreSQL only (npm run test:pg): a manager edits an item's stock while members redeem it. Redemption
// is H1's; here it is its guarded increment, the statement every redemption goes through.
let app: AppFixture
beforeAll(async () => {
  requirePostgres()
  app = await createAppFixture({ poolMax: 20 })
})
afterAll(async () => app?.close())

const gift = { kind: 'gift', name: '抢兑礼品', pointsPrice: 100, perMemberLimit: null, minTierCode: null }
const create = async (requestId: string, stockTotal: number) =>
  (await app.ok('createMallItem', { requestId, item: { ...gift, stockTotal } }, DEMO_OPENIDS.manager)).item.id as string

/** One unit taken the way a redemption takes it: only while stock is left, re-checked on the latest row. */
async function redeemOne(id: string): Promise<boolean> {
  return app.db.transaction(async (tx) => {
    const rows = await tx
      .update(mallItems)
      .set({ redeemedCount: sql`${mallItems.redeemedCount} + 1` })
      .where(sql`${mallItems.id} = ${Number(id)} and ${mallItems.redeemedCount} < ${mallItems.stockTotal}`)
      .returning({ id: mallItems.id })
    // Hold the row a moment, as a redemption does while it debits points.
    await tx.execute(sql`select pg_sleep(0.005)`)
    return rows.length === 1
  })
}
const row = async (id: string) => (await app.db.select().from(mallItems).where(eq(mallItems.id, Number(id))))[0]

describe('stock edits during redemptions', () => {
  it('a raise adds exactly the difference: no redemption is lost or counted twice by the edit', async () => {
    const id = await create('race-raise', 10)
    const [raised, ...taken] = await Promise.all([
      app.call('updateMallItem', { itemId: id, item: { ...gift, stockTotal: 20 } }, DEMO_OPENIDS.manager),
      ...Array.from({ length: 30 }, () => redeemOne(id)),
    ])
    expect(raised.ok).toBe(true)
    const after = await row(id)
    expect(after.stockTotal).toBe(20)
    expect(after.redeemedCount).toBe(taken.filter(Boolean).length)
    expect(after.redeemedCount).toBeLessThanOrEqual(20)
    // What is left after every remaining redemption: exactly the new total.
    while (await redeemOne(id));
    expect((await row(id)).redeemedCount).toBe(20)
  })

  it('a cut below what is being redeemed is refused as MALL_STOCK_BELOW_REDEEMED or applied over the latest count, never an error', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await create(`race-cut-${round}`, 20)
      await app.db.update(mallItems).set({ redeemedCount: 8 }).where(eq(mallItems.id, Number(id)))
      const [cut, ...taken] = await Promise.all([
        app.call('updateMallItem', { itemId: id, item: { ...gift, stockTotal: 12 } }, DEMO_OPENIDS.manager),
        ...Array.from({ length: 10 }, () => redeemOne(id)),
      ])
      const after = await row(id)
      expect(after.redeemedCount).toBe(8 + taken.filter(Boolean).length)
      if (cut.ok) expect(after.stockTotal).toBe(12)
      else {
        expect(cut).toMatchObject({ ok: false, error: { code: 'MALL_STOCK_BELOW_REDEEMED' } })
        expect(after.stockTotal).toBe(20)
      }
      expect(after.redeemedCount).toBeLessThanOrEqual(after.stockTotal)
    }
  })
})
