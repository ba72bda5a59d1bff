import { and, eq } from 'drizzle-orm'
import { createAppFixture, expectBalancesMatchLedger, memberCodeOf, openNewCard, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { balanceOf, fundMember, insertMallCouponTemplate, insertMallItem, itemRow, mallCounts, memberIdOf, type MallItemInput } from '../../../../tests/helpers/mall-fixtures'
import { mallPickupExpiryJob } from '../../jobs/mall-pickup-expiry'
import { runJob } from '../../jobs/run-job'
import { auditLog, mallItems, mallRedemptions, members, notifications, pointsLedger, staff, staffNotices } from '../../db/schema'
import { DEMO_OPENIDS } from '../index'

let app: AppFixture
let seq = 0
const rid = (label = 'r') => `${label}-${++seq}-${Math.random().toString(36).slice(2, 8)}`
/** A wall-clock time in the store's zone (Asia/Shanghai, UTC+8) as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`)
const NOW = sh('2026-11-23T14:02:00')
const clerk = DEMO_OPENIDS.clerk
const manager = DEMO_OPENIDS.manager
const CLERK2 = 'wx-mall-clerk-2'

beforeAll(async () => {
  app = await createAppFixture()
  const [s] = await app.db.select({ storeId: staff.storeId }).from(staff).limit(1)
  await app.db.insert(staff).values({ storeId: s.storeId, openid: CLERK2, name: '店员小李', role: 'clerk' })
})
afterAll(async () => app?.close())
beforeEach(() => app.clock.set(NOW))

let memberNo = 0
/** A new card with `points` that never expire. */
async function newMember(points = 1_000): Promise<{ openid: string; id: number }> {
  const { openid } = await openNewCard(app, `wx-mall-m${++memberNo}`)
  const id = await memberIdOf(app.db, openid)
  if (points > 0) await fundMember(app.db, id, points, app.clock.now())
  return { openid, id }
}
const item = async (o: MallItemInput = {}) => String((await insertMallItem(app.db, o)).id)
const redeem = (itemId: string, as: string, quantity: unknown = 1, requestId = rid('redeem')) => app.call('redeemMallItem', { itemId, quantity, requestId }, as)
const refused = (code: string, message?: string) => ({ ok: false, error: message ? { code, message } : { code } })
async function redemptionRow(id: string) {
  const [row] = await app.db.select().from(mallRedemptions).where(eq(mallRedemptions.id, Number(id)))
  return row
}

describe('the catalogue', () => {
  it('shows each item with its state for the caller: 差 X 分 with the spend that earns it, 已兑完, 开兑, 仅限金卡', async () => {
    const m = await newMember(380)
    const pricey = await item({ name: '保温杯', pointsPrice: 500 })
    const gone = await item({ name: '帆布袋', stockTotal: 1, redeemedCount: 1 })
    const later = await item({ name: '新年礼盒', redeemFrom: sh('2026-12-01T10:00:00'), visibleFrom: sh('2026-11-20T00:00:00') })
    const gold = await item({ name: '金卡专享', minTierCode: 'gold' })
    const hidden = await item({ name: '未上架', visibleFrom: sh('2026-11-30T00:00:00') })
    const stopped = await item({ name: '已下架', status: 'stopped' })
    const { balance, items } = await app.ok('listMallItems', {}, m.openid)
    expect(balance).toMatchObject({ points: 380, expiring: null })
    const byId = new Map(items.map((i: { id: string }) => [i.id, i]))
    expect(byId.get(pricey)).toMatchObject({ state: 'insufficient', reason: '差 120 分', shortBy: 120, stockLeft: 10, lowStock: false })
    expect((byId.get(pricey) as { spendToAffordFen: number }).spendToAffordFen).toBeGreaterThan(0)
    expect(byId.get(gone)).toMatchObject({ state: 'sold_out', reason: '已兑完', stockLeft: 0 })
    expect(byId.get(later)).toMatchObject({ state: 'not_started', reason: '12月1日 10:00 开兑' })
    expect(byId.get(gold)).toMatchObject({ state: 'tier_locked', reason: '仅限金卡及以上' })
    expect(byId.has(hidden)).toBe(false)
    expect(byId.has(stopped)).toBe(false)
    expect(await app.call('getMallItem', { itemId: hidden }, m.openid)).toMatchObject(refused('MALL_ITEM_NOT_FOUND'))
    expect(await app.ok('getMallItem', { itemId: stopped }, m.openid)).toMatchObject({ item: { state: 'ended', reason: '已下架' } })
  })
})

describe('redeeming', () => {
  it('holds a gift: points debited, stock and quota taken, a P1 code shown only in the detail; a retry returns the first', async () => {
    const m = await newMember(1_000)
    const id = await item({ pointsPrice: 300, perMemberLimit: 2, maxPerRedemption: 2 })
    const requestId = rid('tap')
    const first = await redeem(id, m.openid, 2, requestId)
    expect(first).toMatchObject({ ok: true, data: { pointsBalance: 400, repeated: false, redemption: { status: 'held', quantity: 2, points: 600, cancellable: true } } })
    const data = (first as { data: { redemption: { id: string; pickupCode?: string; pickupExpiresAt: string } } }).data
    expect(data.redemption.pickupCode).toBeUndefined()
    // 14 days (the store's default) after 11-23: through 12-07 23:59:59 store time.
    expect(data.redemption.pickupExpiresAt).toBe(sh('2026-12-08T00:00:00').toISOString())
    const before = await mallCounts(app.db)
    expect(await redeem(id, m.openid, 2, requestId)).toMatchObject({ ok: true, data: { repeated: true, redemption: { id: data.redemption.id } } })
    expect(await mallCounts(app.db)).toEqual(before)
    expect(await balanceOf(app.db, m.id)).toBe(400)
    expect(await itemRow(app.db, Number(id))).toMatchObject({ redeemedCount: 2 })
    const detail = await app.ok('getMyRedemption', { redemptionId: data.redemption.id }, m.openid)
    expect(detail.redemption.pickupCode).toMatch(/^P1\d{20}$/)
    const held = await app.ok('listMyRedemptions', { tab: 'held' }, m.openid)
    expect(held.redemptions.map((r: { id: string }) => r.id)).toEqual([data.redemption.id])
    expect(held.redemptions[0].pickupCode).toBeUndefined()
    const [entry] = await app.db.select().from(pointsLedger).where(eq(pointsLedger.id, (await redemptionRow(data.redemption.id)).debitEntryId!))
    expect(entry).toMatchObject({ reason: 'redeem', delta: -600 })
    await expectBalancesMatchLedger(app.db)
  })

  it('answers a retry from the request key first, even after the last unit went to someone else', async () => {
    const a = await newMember()
    const b = await newMember()
    const id = await item({ stockTotal: 1 })
    const requestId = rid('last-unit')
    const first = await app.ok('redeemMallItem', { itemId: id, quantity: 1, requestId }, a.openid)
    expect(await redeem(id, b.openid)).toMatchObject(refused('MALL_SOLD_OUT', '已兑完'))
    // The same tap from another member is another request (keys are per member): refused as sold out, not answered.
    expect(await redeem(id, b.openid, 1, requestId)).toMatchObject(refused('MALL_SOLD_OUT'))
    expect(await redeem(id, a.openid, 1, requestId)).toMatchObject({ ok: true, data: { repeated: true, redemption: { id: first.redemption.id } } })
  })

  it('delivers a coupon item to the wallet at once', async () => {
    const m = await newMember(500)
    const id = await item({ kind: 'coupon', couponTemplateId: await insertMallCouponTemplate(app.db), pointsPrice: 200 })
    const { redemption } = await app.ok('redeemMallItem', { itemId: id, quantity: 1, requestId: rid() }, m.openid)
    expect(redemption).toMatchObject({ kind: 'coupon', status: 'delivered', cancellable: false })
    const wallet = await app.ok('listMyCoupons', { tab: 'usable' }, m.openid)
    expect(wallet.coupons.map((c: { id: string }) => c.id)).toContain(redemption.couponId)
    expect((await app.ok('listMyRedemptions', { tab: 'done' }, m.openid)).redemptions[0].id).toBe(redemption.id)
  })

  it('refuses every reason with its typed code and Chinese words, writing nothing', async () => {
    const m = await newMember(250)
    const cases: Array<[string, MallItemInput, unknown, Record<string, unknown>]> = [
      ['not started', { redeemFrom: sh('2026-11-23T14:02:01') }, 1, refused('MALL_NOT_STARTED')],
      ['ended', { redeemUntil: sh('2026-11-23T14:01:59') }, 1, refused('MALL_ENDED')],
      ['tier', { minTierCode: 'gold' }, 1, refused('MALL_TIER_LOCKED', '该商品仅限金卡及以上')],
      ['stopped', { status: 'stopped' }, 1, refused('MALL_STOPPED')],
      ['too many', { maxPerRedemption: 2 }, 3, refused('MALL_QUANTITY_TOO_LARGE')],
      ['sold out', { stockTotal: 1, redeemedCount: 1 }, 1, refused('MALL_SOLD_OUT', '已兑完')],
      ['points', { pointsPrice: 370 }, 1, refused('POINTS_INSUFFICIENT', '积分不足（差 120 分）')],
      ['limit', { perMemberLimit: 1, maxPerRedemption: 2 }, 2, refused('MALL_LIMIT_REACHED', '每人限兑 1 件')],
      ['month limit', { perMemberLimit: 1, limitPeriod: 'month', maxPerRedemption: 2 }, 2, refused('MALL_LIMIT_REACHED', '本月限兑 1 件')],
    ]
    for (const [, o, quantity, expected] of cases) {
      const id = await item(o)
      const before = { ...(await mallCounts(app.db)), ...(await app.counts()) }
      expect(await redeem(id, m.openid, quantity)).toMatchObject(expected)
      expect({ ...(await mallCounts(app.db)), ...(await app.counts()) }).toEqual(before)
    }
    expect(await redeem('999999999', m.openid)).toMatchObject(refused('MALL_ITEM_NOT_FOUND'))
    expect(await balanceOf(app.db, m.id)).toBe(250)
  })

  it('opens at redeem_from and closes after redeem_until to the second, store time', async () => {
    const m = await newMember(1_000)
    const id = await item({ redeemFrom: sh('2026-12-01T00:00:00'), redeemUntil: sh('2026-12-31T23:59:59'), perMemberLimit: null })
    app.clock.set(sh('2026-11-30T23:59:59'))
    expect(await redeem(id, m.openid)).toMatchObject(refused('MALL_NOT_STARTED'))
    app.clock.set(sh('2026-12-01T00:00:00'))
    expect(await redeem(id, m.openid)).toMatchObject({ ok: true })
    app.clock.set(sh('2026-12-31T23:59:59'))
    expect(await redeem(id, m.openid)).toMatchObject({ ok: true })
    app.clock.set(sh('2027-01-01T00:00:00'))
    expect(await redeem(id, m.openid)).toMatchObject(refused('MALL_ENDED'))
  })

  it('refuses quantity 0, −1, 1.5, "1e9" and 100 at the contract, writing nothing', async () => {
    const m = await newMember(1_000)
    const id = await item({ maxPerRedemption: 99 })
    const before = { ...(await mallCounts(app.db)), ...(await app.counts()) }
    for (const q of [0, -1, 1.5, '1e9', 100, null]) expect(await redeem(id, m.openid, q)).toMatchObject(refused('BAD_INPUT'))
    expect({ ...(await mallCounts(app.db)), ...(await app.counts()) }).toEqual(before)
  })

  it('counts a monthly limit per store-time month: 23:59:59 on the 30th and 00:00:00 on the 1st are different months', async () => {
    const m = await newMember(1_000)
    const id = await item({ perMemberLimit: 1, limitPeriod: 'month' })
    app.clock.set(sh('2026-11-30T23:59:59'))
    expect(await redeem(id, m.openid)).toMatchObject({ ok: true })
    expect(await redeem(id, m.openid)).toMatchObject(refused('MALL_LIMIT_REACHED'))
    app.clock.set(sh('2026-12-01T00:00:00'))
    expect(await redeem(id, m.openid)).toMatchObject({ ok: true })
  })

  it('tells the managers once when stock runs low, again after a restock', async () => {
    const m = await newMember(10_000)
    const id = await item({ stockTotal: 7, perMemberLimit: null }) // the store warns at 5 left
    const notices = async () => app.db.select().from(staffNotices).where(eq(staffNotices.kind, 'mall_low_stock'))
    const mine = async () => (await notices()).filter((n) => n.dedupeKey.startsWith(`mall_low_stock:${id}:`))
    await redeem(id, m.openid)
    expect(await mine()).toHaveLength(0)
    await redeem(id, m.openid) // 5 left
    await redeem(id, m.openid)
    expect((await mine()).map((n) => n.dedupeKey)).toEqual([`mall_low_stock:${id}:7`])
    expect((await mine())[0].body).toContain('仅剩 5 件')
    expect(await app.ok('getMallItem', { itemId: id }, m.openid)).toMatchObject({ item: { lowStock: true, stockLeft: 4 } })
    // A restock (the console raises stock_total) re-arms it: 12 − 3 = 9 left, then down to 5 again.
    await app.db.update(mallItems).set({ stockTotal: 12 }).where(eq(mallItems.id, Number(id)))
    for (let i = 0; i < 4; i++) await redeem(id, m.openid)
    expect((await mine()).map((n) => n.dedupeKey)).toEqual([`mall_low_stock:${id}:7`, `mall_low_stock:${id}:12`])
  })
})

describe('我的兑换 belongs to its member', () => {
  it('member B cannot read, cancel or list member A\'s redemption', async () => {
    const a = await newMember()
    const b = await newMember()
    const { redemption } = await app.ok('redeemMallItem', { itemId: await item(), quantity: 1, requestId: rid() }, a.openid)
    expect(await app.call('getMyRedemption', { redemptionId: redemption.id }, b.openid)).toMatchObject(refused('REDEMPTION_NOT_FOUND'))
    expect(await app.call('cancelMyRedemption', { redemptionId: redemption.id }, b.openid)).toMatchObject(refused('REDEMPTION_NOT_FOUND'))
    expect((await app.ok('listMyRedemptions', { tab: 'held' }, b.openid)).redemptions).toEqual([])
    expect((await redemptionRow(redemption.id)).status).toBe('held')
  })
})

describe('cancelling', () => {
  it('gives points and stock back once; a second cancel is refused and changes nothing', async () => {
    const m = await newMember(500)
    const id = await item({ pointsPrice: 200, perMemberLimit: 1 })
    const { redemption } = await app.ok('redeemMallItem', { itemId: id, quantity: 1, requestId: rid() }, m.openid)
    app.clock.advanceS(60)
    const cancelled = await app.ok('cancelMyRedemption', { redemptionId: redemption.id }, m.openid)
    expect(cancelled).toMatchObject({ pointsBalance: 500, redemption: { status: 'cancelled', pointsReturned: 200, cancellable: false } })
    expect(await itemRow(app.db, Number(id))).toMatchObject({ redeemedCount: 0 })
    const before = await mallCounts(app.db)
    expect(await app.call('cancelMyRedemption', { redemptionId: redemption.id }, m.openid)).toMatchObject(refused('REDEMPTION_NOT_CANCELLABLE'))
    expect(await mallCounts(app.db)).toEqual(before)
    expect(await balanceOf(app.db, m.id)).toBe(500)
    // The quota came back too: the member may redeem the limit-1 item again.
    expect(await redeem(id, m.openid)).toMatchObject({ ok: true })
    expect((await app.ok('listMyRedemptions', { tab: 'closed' }, m.openid)).redemptions.map((r: { id: string }) => r.id)).toEqual([redemption.id])
    await expectBalancesMatchLedger(app.db)
  })

  it('does not return points whose lots expired meanwhile (stated in points_returned)', async () => {
    const m = await newMember(0)
    await fundMember(app.db, m.id, 300, app.clock.now(), sh('2026-11-25T00:00:00'))
    const { redemption } = await app.ok('redeemMallItem', { itemId: await item({ pointsPrice: 300 }), quantity: 1, requestId: rid() }, m.openid)
    app.clock.set(sh('2026-11-25T00:00:00'))
    const cancelled = await app.ok('cancelMyRedemption', { redemptionId: redemption.id }, m.openid)
    expect(cancelled.redemption).toMatchObject({ status: 'cancelled', pointsReturned: 0 })
    expect(await balanceOf(app.db, m.id)).toBe(0)
    await expectBalancesMatchLedger(app.db)
  })
})

describe('pick-up at the till', () => {
  async function heldGift(points = 100) {
    const m = await newMember(1_000)
    const { redemption } = await app.ok('redeemMallItem', { itemId: await item({ pointsPrice: points, name: '定制马克杯' }), quantity: 1, requestId: rid() }, m.openid)
    const { redemption: detail } = await app.ok('getMyRedemption', { redemptionId: redemption.id }, m.openid)
    return { m, id: redemption.id as string, code: detail.pickupCode as string }
  }

  it('previews (masked holder), confirms once; a retry is answered; a second clerk sees when and by whom, recorded', async () => {
    const { m, id, code } = await heldGift()
    const preview = await app.ok('staffPreviewPickup', { pickupCode: code }, clerk)
    expect(preview).toMatchObject({ pickup: { id, itemName: '定制马克杯', status: 'held', reason: null }, holder: { phoneMasked: expect.stringContaining('****') } })
    const requestId = rid('confirm')
    const done = await app.ok('staffConfirmPickup', { pickupCode: code, requestId }, clerk)
    expect(done).toMatchObject({ repeated: false, pickup: { status: 'picked_up', pickedUp: { staffName: '店员小王' } } })
    expect(await app.ok('staffConfirmPickup', { pickupCode: code, requestId }, clerk)).toMatchObject({ repeated: true })
    // The same clerk with a new request is a second hand-over, not a retry.
    expect(await app.call('staffConfirmPickup', { pickupCode: code, requestId: rid('again') }, clerk)).toMatchObject(refused('PICKUP_ALREADY_DONE'))
    const auditBefore = (await app.db.select().from(auditLog).where(eq(auditLog.action, 'mall.pickup_refused'))).length
    expect(await app.call('staffConfirmPickup', { pickupCode: code, requestId: rid('other') }, CLERK2)).toMatchObject(
      refused('PICKUP_ALREADY_DONE', '已核销 · 11-23 14:02 · 店员小王'),
    )
    expect((await app.db.select().from(auditLog).where(eq(auditLog.action, 'mall.pickup_refused'))).length).toBe(auditBefore + 1)
    expect((await app.ok('listMyRedemptions', { tab: 'done' }, m.openid)).redemptions[0]).toMatchObject({ id, status: 'picked_up' })
    expect(await app.call('cancelMyRedemption', { redemptionId: id }, m.openid)).toMatchObject(refused('REDEMPTION_NOT_CANCELLABLE'))
  })

  it('refuses a gift past its window even before the job (PICKUP_EXPIRED) and a cancelled one (PICKUP_CLOSED)', async () => {
    const late = await heldGift()
    app.clock.set(sh('2026-12-07T23:59:59'))
    expect(await app.ok('staffPreviewPickup', { pickupCode: late.code }, clerk)).toMatchObject({ pickup: { reason: null } })
    app.clock.set(sh('2026-12-08T00:00:00'))
    expect(await app.ok('staffPreviewPickup', { pickupCode: late.code }, clerk)).toMatchObject({ pickup: { reason: '已过期' } })
    expect(await app.call('staffConfirmPickup', { pickupCode: late.code, requestId: rid() }, clerk)).toMatchObject(refused('PICKUP_EXPIRED'))
    app.clock.set(NOW)
    const gone = await heldGift()
    await app.ok('cancelMyRedemption', { redemptionId: gone.id }, gone.m.openid)
    expect(await app.call('staffConfirmPickup', { pickupCode: gone.code, requestId: rid() }, clerk)).toMatchObject(refused('PICKUP_CLOSED'))
  })

  it('lists the member\'s held gifts on the card lookup', async () => {
    const { m, id, code } = await heldGift()
    const lookup = await app.ok('staffLookupMember', { memberCode: await memberCodeOf(app, m.openid) }, clerk)
    expect(lookup.pickups).toEqual([expect.objectContaining({ id, code, status: 'held', reason: null })])
  })

  it('a manager takes a picked-up gift back: points and stock return once, audited; a clerk may not', async () => {
    const { m, id, code } = await heldGift(300)
    await app.ok('staffConfirmPickup', { pickupCode: code, requestId: rid() }, clerk)
    expect(await app.call('staffReturnPickup', { pickupCode: code, reason: '质量问题' }, clerk)).toMatchObject(refused('FORBIDDEN'))
    const back = await app.ok('staffReturnPickup', { pickupCode: code, reason: '质量问题' }, manager)
    expect(back).toMatchObject({ pointsReturned: 300, pickup: { status: 'returned' } })
    expect(await balanceOf(app.db, m.id)).toBe(1_000)
    expect(await app.call('staffReturnPickup', { pickupCode: code, reason: '质量问题' }, manager)).toMatchObject(refused('REDEMPTION_NOT_RETURNABLE'))
    expect(await balanceOf(app.db, m.id)).toBe(1_000)
    const audits = await app.db.select().from(auditLog).where(eq(auditLog.action, 'mall.pickup_return'))
    expect(audits.filter((a) => (a.detail as { redemptionId: number }).redemptionId === Number(id))).toHaveLength(1)
    await expectBalancesMatchLedger(app.db)
  })
})

describe('the mallPickupExpiry job', () => {
  it('releases unclaimed gifts once, with 兑换已过期 queued once, however often it runs', async () => {
    const m = await newMember(1_000)
    const id = await item({ pointsPrice: 250 })
    const { redemption } = await app.ok('redeemMallItem', { itemId: id, quantity: 1, requestId: rid() }, m.openid)
    app.clock.set(sh('2026-12-07T23:59:59'))
    await runJob(app.deps, mallPickupExpiryJob, app.clock.now())
    expect((await redemptionRow(redemption.id)).status).toBe('held')
    app.clock.set(sh('2026-12-08T00:10:00'))
    const first = await runJob(app.deps, mallPickupExpiryJob, app.clock.now())
    expect(first.status).toBe('done')
    const second = await runJob(app.deps, mallPickupExpiryJob, app.clock.now())
    expect(second.counts.expired ?? 0).toBe(0)
    expect(await redemptionRow(redemption.id)).toMatchObject({ status: 'expired', pointsReturned: 250 })
    expect(await balanceOf(app.db, m.id)).toBe(1_000)
    expect(await itemRow(app.db, Number(id))).toMatchObject({ redeemedCount: 0 })
    const sent = await app.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.memberId, m.id), eq(notifications.kind, 'mall_redemption_expired')))
    expect(sent).toHaveLength(1)
    expect(sent[0].body).toContain('250 积分已退回')
    expect(await app.call('cancelMyRedemption', { redemptionId: redemption.id }, m.openid)).toMatchObject(refused('REDEMPTION_NOT_CANCELLABLE'))
    const [closed] = await app.db.select({ status: members.status }).from(members).where(eq(members.id, m.id))
    expect(closed.status).toBe('active')
    await expectBalancesMatchLedger(app.db)
  })
})
