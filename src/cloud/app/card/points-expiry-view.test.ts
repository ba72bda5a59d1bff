import { createAppFixture, expectBalancesMatchLedger, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { movePoints, newLotsMember, sh, type LotsMember } from '../../../../tests/helpers/points-lots-fixtures'
import { mallItems, mallMemberQuota, stores } from '../../db/schema'

let app: AppFixture
let m: LotsMember
const ids: Record<string, string> = {}

beforeAll(async () => {
  app = await createAppFixture()
  const [{ id: storeId }] = await app.db.select({ id: stores.id }).from(stores)
  // The demo catalogue off sale: this test's own items are the whole mall.
  await app.db.update(mallItems).set({ status: 'stopped' })
  const item = (name: string, pointsPrice: number, extra: Partial<typeof mallItems.$inferInsert> = {}) => ({
    storeId,
    kind: 'gift',
    name,
    pointsPrice,
    stockTotal: 10,
    createRequestId: `expiry-view:${name}`,
    ...extra,
  })
  const rows = await app.db
    .insert(mallItems)
    .values([
      item('保温杯', 800),
      item('帆布袋', 300),
      item('贴纸', 50),
      item('雨伞', 500),
      item('收纳盒', 861),
      item('太贵的', 961),
      item('已售罄', 700, { redeemedCount: 10 }),
      item('已下架', 600, { status: 'stopped' }),
      item('还没开兑', 650, { redeemFrom: sh('2026-12-01 00:00:00') }),
      item('兑换已结束', 640, { redeemUntil: sh('2026-10-31 23:59:59') }),
      item('钻石专享', 620, { minTierCode: 'diamond' }),
      item('已兑过', 700, { perMemberLimit: 1 }),
    ])
    .returning({ id: mallItems.id, name: mallItems.name })
  for (const r of rows) ids[r.name] = String(r.id)
  m = await newLotsMember(app, 'wx-expiry-view')
  // The member has had their one 已兑过: the countdown must not offer what the mall would refuse.
  await app.db.insert(mallMemberQuota).values({ itemId: Number(ids['已兑过']), memberId: m.id, periodKey: 'total', count: 1 })
  await movePoints(app.db, m, 'earn', 860, sh('2025-12-31 23:59:30'))
  await movePoints(app.db, m, 'earn', 100, sh('2026-02-01 10:00:00'))
})
afterEach(async () => expectBalancesMatchLedger(app.db))
afterAll(async () => app?.close())

const card = async (wall: string) => {
  app.clock.set(sh(wall))
  return (await app.ok('getMyCard', {}, m.openid)).card
}

describe('points expiry on the card and in 积分明细', () => {
  it('shows the plain line before November: no countdown, no mall read', async () => {
    const c = await card('2026-10-31 23:59:59')
    expect(c.pointsBalance).toBe(960)
    expect(c.pointsExpiry).toEqual({ points: 860, lastDay: '2026-12-31', daysLeft: 61, countdown: false, items: [] })
  })

  it('in November and December shows the countdown with up to 3 items the usable points buy now (they spend the expiring ones first), dearest first', async () => {
    const c = await card('2026-11-01 00:00:00')
    expect(c.pointsExpiry).toMatchObject({ points: 860, lastDay: '2026-12-31', daysLeft: 60, countdown: true })
    expect(c.pointsExpiry.items).toEqual([
      { id: ids['收纳盒'], name: '收纳盒', pointsPrice: 861, imageUrl: null },
      { id: ids['保温杯'], name: '保温杯', pointsPrice: 800, imageUrl: null },
      { id: ids['雨伞'], name: '雨伞', pointsPrice: 500, imageUrl: null },
    ])
    const last = await card('2026-12-31 23:59:59')
    expect(last.pointsExpiry).toMatchObject({ points: 860, daysLeft: 0, countdown: true })
  })

  it('at 2027-01-01 00:00:00 shows only usable points although no job has run, and the next expiry', async () => {
    const c = await card('2027-01-01 00:00:00')
    expect(c.pointsBalance).toBe(100)
    expect(c.pointsExpiry).toEqual({ points: 100, lastDay: '2027-12-31', daysLeft: 364, countdown: false, items: [] })
  })

  it('gives 积分明细 the usable balance and the soonest expiry', async () => {
    app.clock.set(sh('2026-06-01 12:00:00'))
    const before = await app.ok('listPointsHistory', {}, m.openid)
    expect(before).toMatchObject({ pointsBalance: 960, expiring: { points: 860, lastDay: '2026-12-31' } })
    app.clock.set(sh('2027-01-01 00:00:00'))
    const after = await app.ok('listPointsHistory', {}, m.openid)
    expect(after).toMatchObject({ pointsBalance: 100, expiring: { points: 100, lastDay: '2027-12-31' } })
  })

  it('shows no expiry line when nothing expires', async () => {
    const never = await newLotsMember(app, 'wx-expiry-view-never')
    await movePoints(app.db, never, 'earn', 40, sh('2026-02-01 10:00:00'), { expiresAt: null })
    app.clock.set(sh('2026-11-15 12:00:00'))
    const c = (await app.ok('getMyCard', {}, never.openid)).card
    expect(c).toMatchObject({ pointsBalance: 40, pointsExpiry: null })
    expect(await app.ok('listPointsHistory', {}, never.openid)).toMatchObject({ pointsBalance: 40, expiring: null })
  })
})
