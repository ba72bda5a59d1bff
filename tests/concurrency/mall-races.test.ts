import { eq, inArray } from 'drizzle-orm'
import { DEMO_OPENIDS } from '../../src/cloud/app'
import { mallPickupExpiryJob } from '../../src/cloud/jobs/mall-pickup-expiry'
import { runJob } from '../../src/cloud/jobs/run-job'
import { postPointsToMany } from '../../src/cloud/db/repositories/points-ledger'
import { mallItems, mallRedemptions, members, pointsLedger, staff, stores } from '../../src/cloud/db/schema'
import { createAppFixture, expectBalancesMatchLedger, openNewCard, type AppFixture } from '../helpers/app-fixture'
import { balanceOf, fundMember, insertMallItem, memberIdOf } from '../helpers/mall-fixtures'
import { requirePostgres } from '../helpers/test-db'

// Real PostgreSQL only (npm run test:pg): PGlite runs one transaction at a time, so no race could ever show.
let app: AppFixture
const CLERK2 = 'wx-mall-race-clerk-2'
beforeAll(async () => {
  requirePostgres()
  app = await createAppFixture({ poolMax: 20 })
  const [s] = await app.db.select({ id: stores.id }).from(stores)
  await app.db.insert(staff).values({ storeId: s.id, openid: CLERK2, name: '店员小李', role: 'clerk' })
})
afterAll(async () => app?.close())

type Result = { ok: boolean; data?: any; error?: { code: string; message: string } }
const errorCodes = (results: Result[]) => results.filter((r) => !r.ok).map((r) => r.error!.code)

/** `n` new cards (opened through dispatch, 20 at a time), each credited `points` in one statement. */
async function fundedMembers(prefix: string, n: number, points: number): Promise<string[]> {
  const openids: string[] = []
  for (let i = 0; i < n; i += 20) {
    const batch = Array.from({ length: Math.min(20, n - i) }, (_, k) => `wx-${prefix}-${i + k}`)
    await Promise.all(batch.map((o) => openNewCard(app, o)))
    openids.push(...batch)
  }
  const rows = await app.db.select({ id: members.id, storeId: members.storeId }).from(members).where(inArray(members.openid, openids))
  await app.db.transaction((tx) =>
    postPointsToMany(tx, {
      storeId: rows[0].storeId,
      reason: 'adjust',
      delta: points,
      entries: rows.map((r) => ({ memberId: r.id, requestId: `fund-${prefix}-${r.id}` })),
      note: null,
      expiresAt: null,
      createdAt: app.clock.now(),
    }),
  )
  return openids
}

describe('redeeming in the points mall concurrently', () => {
  it('gives a stock-50 item to exactly 50 of 1,000 funded members redeeming at once; the others hear 已兑完', async () => {
    const { id } = await insertMallItem(app.db, { name: '限量帆布袋', pointsPrice: 100, stockTotal: 50 })
    const openids = await fundedMembers('mall-crowd', 1_000, 500)

    const results = (await Promise.all(
      openids.map((o, i) => app.call('redeemMallItem', { itemId: String(id), quantity: 1, requestId: `crowd-tap-${i}` }, o)),
    )) as Result[]

    expect(results.filter((r) => r.ok)).toHaveLength(50)
    expect(new Set(errorCodes(results))).toEqual(new Set(['MALL_SOLD_OUT']))
    expect(results.find((r) => !r.ok)!.error!.message).toBe('已兑完')
    const [row] = await app.db.select().from(mallItems).where(eq(mallItems.id, id))
    expect(row.redeemedCount).toBe(50)
    expect(await app.db.select().from(mallRedemptions).where(eq(mallRedemptions.itemId, id))).toHaveLength(50)
    const debits = await app.db.select().from(pointsLedger).where(eq(pointsLedger.reason, 'redeem'))
    expect(debits.filter((d) => d.note?.includes('限量帆布袋'))).toHaveLength(50)
    await expectBalancesMatchLedger(app.db)
  }, 180_000)

  it('redeems a limit-1 item once when one member taps 20 times at once', async () => {
    const { id } = await insertMallItem(app.db, { pointsPrice: 10, stockTotal: 100, perMemberLimit: 1 })
    const { openid } = await openNewCard(app, 'wx-mall-tapper')
    await fundMember(app.db, await memberIdOf(app.db, openid), 1_000, app.clock.now())

    const results = (await Promise.all(
      Array.from({ length: 20 }, (_, i) => app.call('redeemMallItem', { itemId: String(id), quantity: 1, requestId: `tap-tap-${i}` }, openid)),
    )) as Result[]

    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(new Set(errorCodes(results))).toEqual(new Set(['MALL_LIMIT_REACHED']))
    expect(await balanceOf(app.db, await memberIdOf(app.db, openid))).toBe(990)
    await expectBalancesMatchLedger(app.db)
  })

  it('lets a member with 100 points redeem only one of two 80-point items at once', async () => {
    const a = await insertMallItem(app.db, { pointsPrice: 80 })
    const b = await insertMallItem(app.db, { pointsPrice: 80 })
    const { openid } = await openNewCard(app, 'wx-mall-two-items')
    const memberId = await memberIdOf(app.db, openid)
    await fundMember(app.db, memberId, 100, app.clock.now())

    const results = (await Promise.all(
      [a, b].map((it, i) => app.call('redeemMallItem', { itemId: String(it.id), quantity: 1, requestId: `both-items-${i}` }, openid)),
    )) as Result[]

    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)!.error).toEqual({ code: 'POINTS_INSUFFICIENT', message: '积分不足（差 60 分）' })
    expect(await balanceOf(app.db, memberId)).toBe(20)
    await expectBalancesMatchLedger(app.db)
  })
})

describe('pick-ups and releases concurrently', () => {
  async function heldGift(label: string) {
    const { id } = await insertMallItem(app.db, { pointsPrice: 100 })
    const { openid } = await openNewCard(app, `wx-mall-${label}`)
    const memberId = await memberIdOf(app.db, openid)
    await fundMember(app.db, memberId, 100, app.clock.now())
    const { redemption } = await app.ok('redeemMallItem', { itemId: String(id), quantity: 1, requestId: `${label}-redeem` }, openid)
    const { redemption: detail } = await app.ok('getMyRedemption', { redemptionId: redemption.id }, openid)
    return { openid, memberId, itemId: id, redemptionId: redemption.id as string, code: detail.pickupCode as string }
  }

  it('hands a gift over once when two clerks confirm it at once', async () => {
    const { code } = await heldGift('two-clerks')
    const results = (await Promise.all(
      [DEMO_OPENIDS.clerk, CLERK2].map((who, i) => app.call('staffConfirmPickup', { pickupCode: code, requestId: `confirm-race-${i}` }, who)),
    )) as Result[]
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(errorCodes(results)).toEqual(['PICKUP_ALREADY_DONE'])
    expect(results.find((r) => !r.ok)!.error!.message).toMatch(/^已核销 · \d\d-\d\d \d\d:\d\d · 店员小/)
  })

  it('releases once when the member cancels while the expiry job runs', async () => {
    const gift = await heldGift('cancel-vs-job')
    // Past the window: both the cancel and the job want to release it.
    app.clock.advanceS(30 * 86_400)
    const [cancel] = (await Promise.all([
      app.call('cancelMyRedemption', { redemptionId: gift.redemptionId }, gift.openid),
      runJob(app.deps, mallPickupExpiryJob, app.clock.now()),
    ])) as [Result, unknown]
    const [row] = await app.db.select().from(mallRedemptions).where(eq(mallRedemptions.id, Number(gift.redemptionId)))
    expect(['cancelled', 'expired']).toContain(row.status)
    expect(cancel.ok).toBe(row.status === 'cancelled')
    expect(await balanceOf(app.db, gift.memberId)).toBe(100)
    const [item] = await app.db.select().from(mallItems).where(eq(mallItems.id, gift.itemId))
    expect(item.redeemedCount).toBe(0)
    await expectBalancesMatchLedger(app.db)
  })
})
