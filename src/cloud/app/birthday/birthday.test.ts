import { and, eq } from 'drizzle-orm'
import { DEMO_OPENIDS, setNotificationTemplate } from '../index'
import { auditLog, birthdayGifts, couponTemplates, memberCoupons, members, notifications, pointsLedger, stores } from '../../db/schema'
import { createAppFixture, expectBalancesMatchLedger, memberCodeOf, openNewCard, TEST_START, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { birthdayGiftsJob } from '../../jobs/birthday-gifts'
import { couponExpiryRemindersJob } from '../../jobs/coupon-expiry-reminders'
import { runJob } from '../../jobs/run-job'

/** A store-time wall clock in Shanghai (UTC+8). */
const sh = (wall: string) => new Date(`${wall}+08:00`)

let app: AppFixture
let storeId: number
let templateId: number
beforeAll(async () => {
  app = await createAppFixture()
  ;[{ id: storeId }] = await app.db.select({ id: stores.id }).from(stores)
  await app.db.update(stores).set({ birthdayPoints: 88 }).where(eq(stores.id, storeId))
  // The seeded birthday template steps aside: these tests issue their own.
  await app.db.update(couponTemplates).set({ status: 'stopped' }).where(eq(couponTemplates.channel, 'birthday'))
  ;[{ id: templateId }] = await app.db
    .insert(couponTemplates)
    .values({
      storeId,
      name: '生日满100减30',
      kind: 'amount_off',
      thresholdFen: 10_000,
      amountOffFen: 3_000,
      validityKind: 'days',
      validDays: 30,
      channel: 'birthday',
      createRequestId: 'test-birthday-template',
    })
    .returning({ id: couponTemplates.id })
})
afterEach(async () => expectBalancesMatchLedger(app.db))
afterAll(async () => app?.close())

const memberRow = async (openid: string) => (await app.db.select().from(members).where(eq(members.openid, openid)))[0]
const giftsOf = async (memberId: number) => app.db.select().from(birthdayGifts).where(eq(birthdayGifts.memberId, memberId))
const runBirthdayJob = () => runJob(app.deps, birthdayGiftsJob, app.clock.now())
const newMember = async (openid: string) => (await openNewCard(app, openid)).openid

describe('the demo birthday member (seeded)', () => {
  it('has this year\'s gift usable, last year\'s expired in the history, and the clerk sees 🎂 only for them', async () => {
    app.clock.set(TEST_START)
    const page = await app.ok('getMyBirthday', {}, DEMO_OPENIDS.birthday)
    expect(page).toMatchObject({ inBirthMonth: true, canSet: false, birthday: { month: 6, day: 1 }, thisYear: { year: 2025, coupon: { state: 'usable', channel: 'birthday' } } })
    expect(page.history[0]).toMatchObject({ year: 2024, coupon: { state: 'expired' } })
    const { card } = await app.ok('getMyCard', {}, DEMO_OPENIDS.birthday)
    expect(card.birthdayMonth).toEqual({ couponId: page.thisYear.coupon.id, couponState: 'usable' })
    const lookup = (openid: string) => memberCodeOf(app, openid).then((memberCode) => app.ok('staffLookupMember', { memberCode }, DEMO_OPENIDS.clerk))
    expect((await lookup(DEMO_OPENIDS.birthday)).birthdayCoupon).toBe(true)
    expect((await lookup(DEMO_OPENIDS.member)).birthdayCoupon).toBe(false)
  })
})

describe('setting the birthday', () => {
  beforeEach(() => app.clock.set(sh('2025-06-15T10:00:00')))

  it('sets it once; a second, different birthday is BIRTHDAY_LOCKED and writes nothing', async () => {
    const who = await newMember('wx-bd-once')
    const page = await app.ok('setMyBirthday', { birthday: { month: 9, day: 3, year: 1990 } }, who)
    expect(page).toMatchObject({ birthday: { month: 9, day: 3, year: 1990 }, canSet: false, inBirthMonth: false, thisYear: null })
    const before = await app.counts()
    expect(await app.call('setMyBirthday', { birthday: { month: 9, day: 4 } }, who)).toMatchObject({
      ok: false,
      error: { code: 'BIRTHDAY_LOCKED', message: '生日如需修改请联系门店' },
    })
    expect(await app.counts()).toEqual(before)
    // The same birthday again (a retry after a timeout) is answered with the page.
    expect(await app.ok('setMyBirthday', { birthday: { month: 9, day: 3, year: 1990 } }, who)).toEqual(page)
    const row = await memberRow(who)
    expect(row).toMatchObject({ birthMonth: 9, birthdaySetAt: app.clock.now(), birthdayGiftFromYear: 2025 })
    expect(row.birthdayEnc).not.toContain('1990')
  })

  it('refuses a birthday after today as BIRTHDAY_IN_FUTURE, writing nothing', async () => {
    const who = await newMember('wx-bd-future')
    const before = await app.counts()
    expect(await app.call('setMyBirthday', { birthday: { month: 6, day: 16, year: 2025 } }, who)).toMatchObject({ ok: false, error: { code: 'BIRTHDAY_IN_FUTURE' } })
    expect(await app.counts()).toEqual(before)
    expect((await memberRow(who)).birthdayEnc).toBeNull()
  })

  it('gives this year\'s gift at once when set in the birth month after the birthday: coupon to month end, points, notification', async () => {
    const who = await newMember('wx-bd-now')
    const page = await app.ok('setMyBirthday', { birthday: { month: 6, day: 10 } }, who)
    expect(page.inBirthMonth).toBe(true)
    expect(page.monthEndsAt).toBe(sh('2025-06-30T23:59:59.999').toISOString())
    expect(page.thisYear).toMatchObject({ year: 2025, points: 88, coupon: { name: '生日满100减30', channel: 'birthday', state: 'usable', amountOffFen: 3_000 } })
    expect(page.thisYear.coupon.validTo).toBe(sh('2025-06-30T23:59:59.999').toISOString())
    const member = await memberRow(who)
    expect(member.pointsBalance).toBe(88)
    const [entry] = await app.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, member.id))
    expect(entry).toMatchObject({ reason: 'birthday', delta: 88, requestId: `birthday:${member.id}:2025` })
    const [coupon] = await app.db.select().from(memberCoupons).where(eq(memberCoupons.memberId, member.id))
    expect(coupon.code).toMatch(/^C1\d{20}$/)
    expect(coupon.sourceKey).toBe(`birthday:${member.id}:2025`)
    const [notice] = await app.db.select().from(notifications).where(and(eq(notifications.memberId, member.id), eq(notifications.kind, 'birthday_gift')))
    expect(notice).toMatchObject({ dedupeKey: `birthday_gift:${member.id}:2025`, title: '生日快乐', deliveryStatus: 'none' })
    const { card } = await app.ok('getMyCard', {}, who)
    expect(card.birthdayMonth).toEqual({ couponId: String(coupon.id), couponState: 'usable' })
  })

  it('skips this year for a birthday set fewer than N days before it, and says so', async () => {
    const who = await newMember('wx-bd-gaming')
    const page = await app.ok('setMyBirthday', { birthday: { month: 6, day: 20 } }, who)
    expect(page).toMatchObject({ inBirthMonth: true, thisYear: null })
    expect(page.note).toBe('生日设置时距生日不足 30 天，生日礼将从 2026 年开始发放')
    expect((await memberRow(who)).birthdayGiftFromYear).toBe(2026)
    await runBirthdayJob()
    expect(await giftsOf((await memberRow(who)).id)).toEqual([])
  })

  it('refuses opening a card with a birthday after today, writing nothing', async () => {
    const before = await app.counts()
    expect(await app.call('openCard', { nickname: '未来', phone: '17700002222', birthday: { month: 7, day: 1, year: 2025 } }, 'wx-bd-open-future')).toMatchObject({
      ok: false,
      error: { code: 'BIRTHDAY_IN_FUTURE' },
    })
    expect(await app.counts()).toEqual(before)
  })

  it('opening a card with a birthday in its month, already passed, gives the gift at once', async () => {
    const { card } = await app.ok('openCard', { nickname: '开卡生日', phone: '17700001111', birthday: { month: 6, day: 1 } }, 'wx-bd-open')
    expect(card.birthdayMonth).toMatchObject({ couponState: 'usable' })
    const row = await memberRow('wx-bd-open')
    expect(row).toMatchObject({ birthMonth: 6, birthdayGiftFromYear: 2025, pointsBalance: 88 })
    expect(await giftsOf(row.id)).toHaveLength(1)
  })
})

describe('the birthdayGifts job', () => {
  it('gifts every active member in the birth month once, skips closed cards, and runs twice without a second gift', async () => {
    app.clock.set(sh('2025-06-16T00:05:00'))
    // With a WeChat template for the kind, the gift's message is queued for sending ('pending'), at 09:00.
    await setNotificationTemplate(app.db, { kind: 'birthday_gift', templateId: 'T-birthday', fields: { thing1: 'title', thing2: 'gift', time3: 'validTo' } })
    const a = await newMember('wx-job-a')
    const closed = await newMember('wx-job-closed')
    await app.ok('setMyBirthday', { birthday: { month: 6, day: 2 } }, a) // given at once
    await app.db.update(members).set({ birthMonth: 6, status: 'closed', closedAt: app.clock.now() }).where(eq(members.openid, closed))
    // Seeded members born in June (birthday set before the N-day rule existed: gift_from_year null).
    const june = await app.db.select().from(members).where(and(eq(members.birthMonth, 6), eq(members.status, 'active')))
    const first = await runBirthdayJob()
    expect(first.status).toBe('done')
    const second = await runBirthdayJob()
    expect(second.counts.gifted ?? 0).toBe(0)
    for (const m of june) {
      const gifts = (await giftsOf(m.id)).filter((g) => g.year === 2025)
      if (m.birthdayGiftFromYear !== null && m.birthdayGiftFromYear > 2025) expect(gifts).toHaveLength(0)
      else expect(gifts).toHaveLength(1)
    }
    expect(await giftsOf((await memberRow(closed)).id)).toEqual([])
    // The WeChat copy waits for 09:00 store time; the in-app one is there at once.
    const [notice] = await app.db.select().from(notifications).where(eq(notifications.dedupeKey, `birthday_gift:${(await memberRow(a)).id}:2025`))
    expect(notice).toMatchObject({ deliveryStatus: 'pending', templateId: 'T-birthday', nextAttemptAt: sh('2025-06-16T09:00:00') })
    expect(notice.wechatData).toMatchObject({ thing1: { value: '生日礼已到账' } })
    const [template] = await app.db.select().from(couponTemplates).where(eq(couponTemplates.id, templateId))
    const coupons = await app.db.select().from(memberCoupons).where(eq(memberCoupons.templateId, templateId))
    expect(template.claimedCount).toBe(coupons.length)
  })

  it('holds a sold-out template\'s members back until the stock is raised', async () => {
    app.clock.set(sh('2025-05-01T10:00:00'))
    for (const n of [1, 2, 3]) await app.ok('setMyBirthday', { birthday: { month: 7, day: n } }, await newMember(`wx-bd-july-${n}`))
    app.clock.set(sh('2025-07-03T10:00:00'))
    const july = await app.db.select().from(members).where(and(eq(members.birthMonth, 7), eq(members.status, 'active')))
    expect(july.length).toBeGreaterThanOrEqual(3)
    const [t] = await app.db.select().from(couponTemplates).where(eq(couponTemplates.id, templateId))
    await app.db.update(couponTemplates).set({ totalQuantity: t.claimedCount + 1 }).where(eq(couponTemplates.id, templateId))
    const run = await runBirthdayJob()
    expect(run.counts).toMatchObject({ gifted: 1, soldOut: july.length - 1 })
    await app.db.update(couponTemplates).set({ totalQuantity: null }).where(eq(couponTemplates.id, templateId))
    app.clock.advanceS(86_400)
    expect((await runBirthdayJob()).counts).toMatchObject({ gifted: july.length - 1, soldOut: 0 })
  })

  it('on 31 December gives a coupon valid to 23:59:59.999; at 00:00:00 on 1 January nothing more, and it is expired', async () => {
    app.clock.set(sh('2025-12-31T23:59:59'))
    const who = await newMember('wx-bd-dec')
    await app.ok('setMyBirthday', { birthday: { month: 12, day: 31 } }, who)
    const [coupon] = await app.db.select().from(memberCoupons).where(eq(memberCoupons.memberId, (await memberRow(who)).id))
    expect(coupon.validTo).toEqual(sh('2025-12-31T23:59:59.999'))
    expect((await app.ok('getMyCard', {}, who)).card.birthdayMonth.couponState).toBe('usable')
    app.clock.set(sh('2026-01-01T00:00:00'))
    const page = await app.ok('getMyBirthday', {}, who)
    expect(page).toMatchObject({ inBirthMonth: false, thisYear: null })
    expect(page.history[0]).toMatchObject({ year: 2025, coupon: { state: 'expired' } })
    const run = await runBirthdayJob()
    expect(await giftsOf((await memberRow(who)).id)).toHaveLength(1)
    expect(run.status).toBe('done')
  })

  it('counts 29 February as 28 February in a non-leap year', async () => {
    app.clock.set(sh('2026-02-28T12:00:00'))
    const who = await newMember('wx-bd-leap')
    const page = await app.ok('setMyBirthday', { birthday: { month: 2, day: 29, year: 2000 } }, who)
    expect(page.thisYear.coupon.validTo).toBe(sh('2026-02-28T23:59:59.999').toISOString())
  })
})

describe('a manager corrects a birthday', () => {
  it('audits the correction with the reason only and never issues this year\'s gift twice', async () => {
    app.clock.set(sh('2025-06-20T11:00:00'))
    const who = await newMember('wx-bd-correct')
    await app.ok('setMyBirthday', { birthday: { month: 6, day: 1 } }, who)
    const member = await memberRow(who)
    const { ticket } = await app.ok('staffLookupMember', { memberCode: await memberCodeOf(app, who) }, DEMO_OPENIDS.manager)
    expect(await app.call('staffCorrectBirthday', { ticket, birthday: { month: 6, day: 2, year: 1991 }, reason: '录入错误' }, DEMO_OPENIDS.clerk)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await app.ok('staffCorrectBirthday', { ticket, birthday: { month: 6, day: 2, year: 1991 }, reason: '录入错误' }, DEMO_OPENIDS.manager)).toEqual({
      birthday: { month: 6, day: 2, year: 1991 },
    })
    expect(await giftsOf(member.id)).toHaveLength(1)
    const [audit] = await app.db.select().from(auditLog).where(and(eq(auditLog.memberId, member.id), eq(auditLog.action, 'member.birthday_correct')))
    expect(audit.detail).toEqual({ memberNo: member.memberNo, reason: '录入错误' })
    expect(JSON.stringify(audit.detail)).not.toContain('1991')
    expect((await app.ok('getMyBirthday', {}, who)).birthday).toEqual({ month: 6, day: 2, year: 1991 })
  })
})

describe('the couponExpiryReminders job', () => {
  it('reminds each available coupon ending within 3 days once, after 09:00 store time', async () => {
    app.clock.set(sh('2025-06-28T07:00:00'))
    const june = await app.db.select({ id: memberCoupons.id }).from(memberCoupons).where(and(eq(memberCoupons.status, 'available'), eq(memberCoupons.channel, 'birthday')))
    const first = await runJob(app.deps, couponExpiryRemindersJob, app.clock.now())
    expect(first.counts.reminded).toBeGreaterThanOrEqual(1)
    expect((await runJob(app.deps, couponExpiryRemindersJob, app.clock.now())).counts.reminded ?? 0).toBe(0)
    const notices = await app.db.select().from(notifications).where(eq(notifications.kind, 'coupon_expiring'))
    expect(notices.length).toBe(first.counts.reminded)
    expect(notices[0].nextAttemptAt).toEqual(sh('2025-06-28T09:00:00'))
    expect(notices[0].body).toContain('2 天后过期')
    expect(june.length).toBeGreaterThanOrEqual(notices.length)
  })
})
