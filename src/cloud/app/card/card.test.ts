import { DEMO_OPENIDS } from '../index'
import { eq } from 'drizzle-orm'
import { members, stores } from '../../db/schema'
import { createAppFixture, expectBalancesMatchLedger, memberCodeOf, openNewCard, type AppFixture } from '../../../../tests/helpers/app-fixture'

let app: AppFixture
beforeAll(async () => {
  app = await createAppFixture()
})
afterEach(async () => expectBalancesMatchLedger(app.db))
afterAll(async () => app?.close())

describe('opening a membership card', () => {
  it('creates a card on the first call and returns the same card on the second', async () => {
    const first = await app.ok('openCard', { nickname: '  小周 ', phone: '13912345678', birthday: { month: 2, day: 29 } }, 'wx-open-twice')
    expect(first.created).toBe(true)
    expect(first.card.memberNo).toMatch(/^\d{8}$/)
    const before = await app.counts()

    const second = await app.ok('openCard', { nickname: '别的名字', phone: '13800000000' }, 'wx-open-twice')
    expect(second.created).toBe(false)
    expect(second.card).toEqual(first.card)
    expect(await app.counts()).toEqual(before)
  })

  it('shows a new card at the entry tier with masked phone, birthday, next tier and the store name', async () => {
    const { card } = await app.ok('openCard', { nickname: '阿青', phone: '13687654321', birthday: { month: 11, day: 3, year: 1990 } }, 'wx-new-view')
    expect(card).toEqual({
      memberNo: expect.stringMatching(/^\d{8}$/),
      nickname: '阿青',
      phoneMasked: '136****4321',
      birthday: { month: 11, day: 3, year: 1990 },
      tier: { code: 'normal', name: '普通', minGrowth: 0, discountPct: 90 },
      nextTier: { code: 'silver', name: '银卡', minGrowth: 1000, discountPct: 85 },
      growthToNext: 1000,
      spendToNextFen: 100_000,
      pointsBalance: 0,
      pointsExpiry: null,
      growth: 0,
      openedAt: app.clock.now().toISOString(),
      storeName: '拾光咖啡',
      usableCouponCount: 0,
      birthdayMonth: null,
    })
    expect(await app.ok('getMyCard', {}, 'wx-new-view')).toEqual({ card })
  })

  it('gives every new card its own member number', async () => {
    const a = await openNewCard(app, 'wx-number-a')
    const b = await openNewCard(app, 'wx-number-b')
    expect(a.card.memberNo).not.toBe(b.card.memberNo)
  })

  it('stores the phone number and birthday encrypted, keeping only the birth month in clear', async () => {
    await app.ok('openCard', { nickname: '加密', phone: '13555556666', birthday: { month: 7, day: 9, year: 1988 } }, 'wx-at-rest')
    const [row] = await app.db.select().from(members).where(eq(members.openid, 'wx-at-rest'))
    expect(row.phoneEnc).not.toContain('13555556666')
    expect(row.phoneEnc).not.toContain('5556666')
    expect(row.birthdayEnc).not.toContain('1988')
    expect(row.birthMonth).toBe(7)
  })
})

describe('the demo member card', () => {
  it('shows the seeded tier, the growth to the next tier and a balance equal to the ledger', async () => {
    const { card } = await app.ok('getMyCard', {}, DEMO_OPENIDS.member)
    expect(card.nickname).toBe('小林')
    expect(card.phoneMasked).toBe('138****5678')
    expect(card.tier.code).toBe('silver')
    expect(card.nextTier.code).toBe('gold')
    expect(card.growthToNext).toBe(5000 - card.growth)
    expect(card.spendToNextFen).toBe(card.growthToNext * 100)
    const history = await app.ok('listPointsHistory', { limit: 50 }, DEMO_OPENIDS.member)
    expect(history.entries.reduce((sum: number, e: { delta: number }) => sum + e.delta, 0)).toBe(card.pointsBalance)
  })

  it('tells who is calling: member with a card, clerk, and a visitor without one', async () => {
    expect(await app.ok('whoAmI', {}, DEMO_OPENIDS.member)).toEqual({ role: 'member', hasCard: true, nickname: '小林', staffName: null })
    expect(await app.ok('whoAmI', {}, DEMO_OPENIDS.clerk)).toEqual({ role: 'clerk', hasCard: false, nickname: null, staffName: '店员小王' })
    expect(await app.ok('whoAmI', {}, DEMO_OPENIDS.manager)).toMatchObject({ role: 'manager' })
    expect(await app.ok('whoAmI', {}, 'wx-visitor')).toEqual({ role: 'member', hasCard: false, nickname: null, staffName: null })
  })
})

describe('the member code', () => {
  it('is 24 digits starting with the member number, refreshed after 60 seconds', async () => {
    const { card } = await app.ok('getMyCard', {}, DEMO_OPENIDS.member)
    const result = await app.ok('getMemberCode', {}, DEMO_OPENIDS.member)
    expect(result.code).toMatch(/^\d{24}$/)
    expect(result.code.slice(0, 8)).toBe(card.memberNo)
    expect(result.issuedAt).toBe(app.clock.now().toISOString())
    expect(Date.parse(result.refreshAt) - Date.parse(result.issuedAt)).toBe(60_000)
  })

  it('changes as time passes', async () => {
    const first = await memberCodeOf(app, DEMO_OPENIDS.member)
    app.clock.advanceS(61)
    expect(await memberCodeOf(app, DEMO_OPENIDS.member)).not.toBe(first)
  })
})

describe('who may call the member functions', () => {
  it('refuses every call without a caller as UNAUTHENTICATED', async () => {
    for (const name of ['whoAmI', 'getMyCard', 'getMemberCode', 'listPointsHistory']) {
      expect(await app.call(name, {}, null)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
    }
    const before = await app.counts()
    expect(await app.call('openCard', { nickname: '无名', phone: '13800001111' }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await app.counts()).toEqual(before)
  })

  it('tells a visitor without a card to open one first', async () => {
    for (const name of ['getMyCard', 'getMemberCode', 'listPointsHistory']) {
      expect(await app.call(name, {}, 'wx-no-card')).toEqual({ ok: false, error: { code: 'NOT_A_MEMBER', message: '您还没有开通会员卡' } })
    }
  })

  it('shows each member only their own card and history', async () => {
    const other = await openNewCard(app, 'wx-other-member', '13600009999')
    const mine = await app.ok('getMyCard', {}, other.openid)
    expect(mine.card.memberNo).toBe(other.card.memberNo)
    expect(mine.card.phoneMasked).toBe('136****9999')
    const history = await app.ok('listPointsHistory', {}, other.openid)
    expect(history).toEqual({ entries: [], nextCursor: null, pointsBalance: 0, expiring: null })
    const demo = await app.ok('getMyCard', {}, DEMO_OPENIDS.member)
    expect(demo.card.memberNo).not.toBe(other.card.memberNo)
  })
})

describe('the spend to the next tier', () => {
  it("follows the store's growth-per-yuan setting rather than assuming one growth per yuan", async () => {
    const { card } = await openNewCard(app, 'wx-double-growth')
    await app.db.update(stores).set({ growthPerYuan: 2 })
    try {
      const { card: after } = await app.ok('getMyCard', {}, 'wx-double-growth')
      expect(after.growthToNext).toBe(card.growthToNext)
      expect(after.spendToNextFen).toBe(50_000) // 1000 growth at 2 per yuan: ¥500
    } finally {
      await app.db.update(stores).set({ growthPerYuan: 1 })
    }
  })
})

describe('one active card per phone number', () => {
  it('refuses a second card for the same phone with PHONE_ALREADY_MEMBER, in Chinese, writing nothing', async () => {
    await app.ok('openCard', { nickname: '原主', phone: '13500001001' }, 'wx-phone-owner')
    const before = await app.counts()
    expect(await app.call('openCard', { nickname: '冒名', phone: '13500001001' }, 'wx-phone-second')).toEqual({
      ok: false,
      error: { code: 'PHONE_ALREADY_MEMBER', message: '该手机号已开通会员卡' },
    })
    expect(await app.counts()).toEqual(before)
    // The same number with surrounding spaces is the same number.
    expect(await app.call('openCard', { nickname: '冒名', phone: ' 13500001001 ' }, 'wx-phone-third')).toMatchObject({
      ok: false,
      error: { code: 'PHONE_ALREADY_MEMBER' },
    })
  })

  it('refuses the demo member\'s phone, seeded before any test ran', async () => {
    expect(await app.call('openCard', { nickname: '撞号', phone: '13812345678' }, 'wx-demo-phone')).toMatchObject({
      ok: false,
      error: { code: 'PHONE_ALREADY_MEMBER' },
    })
  })

  it('stores a keyed hash of the phone, not the phone', async () => {
    await app.ok('openCard', { nickname: '哈希', phone: '13500001002' }, 'wx-phone-hash')
    const [row] = await app.db.select().from(members).where(eq(members.openid, 'wx-phone-hash'))
    expect(row.phoneHash).toMatch(/^[0-9a-f]{64}$/)
    expect(row.phoneHash).not.toContain('13500001002')
  })

  it('lets the phone of a closed card open a new one', async () => {
    await app.ok('openCard', { nickname: '旧卡', phone: '13500001003' }, 'wx-phone-closed-old')
    await app.db.update(members).set({ status: 'closed', closedAt: app.clock.now() }).where(eq(members.openid, 'wx-phone-closed-old'))
    expect(await app.ok('openCard', { nickname: '新卡', phone: '13500001003' }, 'wx-phone-closed-new')).toMatchObject({ created: true })
  })

  it('backfills the hash of cards opened before the rule, and then refuses their phone too', async () => {
    await app.ok('openCard', { nickname: '老会员', phone: '13500001004' }, 'wx-phone-legacy')
    // As a row from before migration 0002 looks: no hash.
    await app.db.update(members).set({ phoneHash: null }).where(eq(members.openid, 'wx-phone-legacy'))
    expect(await app.call('openCard', { nickname: '后来者', phone: '13500001004' }, 'wx-phone-late')).toMatchObject({
      ok: false,
      error: { code: 'PHONE_ALREADY_MEMBER' },
    })
    // The refusal rolled back, so the backfill happens again (and sticks) with the next card opened.
    await openNewCard(app, 'wx-phone-trigger-backfill')
    const [legacy] = await app.db.select().from(members).where(eq(members.openid, 'wx-phone-legacy'))
    expect(legacy.phoneHash).toMatch(/^[0-9a-f]{64}$/)
  })
})
