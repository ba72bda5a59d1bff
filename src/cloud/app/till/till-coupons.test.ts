import { and, desc, eq } from 'drizzle-orm'
import { DEMO_OPENIDS } from '../index'
import { auditLog, couponTemplates, couponVerifications, memberCoupons, members, pointsLedger, purchases, staff } from '../../db/schema'
import { dayWindow } from '../../../domain/coupons/validity'
import { createAppFixture, expectBalancesMatchLedger, memberCodeOf, openNewCard, TEST_START, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { issueTestCoupon, setStoreRules, verifyTestCouponDirectly, type TestCouponOptions } from '../../../../tests/helpers/coupon-fixtures'

// TEST_START is 2025-06-15 10:00 in Shanghai (the store's zone).
const ZONE = 'Asia/Shanghai'
const JUNE = dayWindow('2025-06-01', '2025-06-30', ZONE)
const clerk = DEMO_OPENIDS.clerk
const manager = DEMO_OPENIDS.manager
const SECOND_CLERK = 'wx-coupon-clerk-two'

let app: AppFixture
beforeAll(async () => {
  app = await createAppFixture()
  const [{ storeId }] = await app.db.select({ storeId: staff.storeId }).from(staff).limit(1)
  await app.db.insert(staff).values({ storeId, openid: SECOND_CLERK, name: '店员小李', role: 'clerk' })
})
afterEach(async () => {
  await expectBalancesMatchLedger(app.db)
  app.clock.set(TEST_START)
})
afterAll(async () => app?.close())

async function member(openid: string) {
  const [row] = await app.db.select().from(members).where(eq(members.openid, openid))
  return row
}
async function couponRow(id: number) {
  const [row] = await app.db.select().from(memberCoupons).where(eq(memberCoupons.id, id))
  return row
}
async function usedCount(templateId: number) {
  const [row] = await app.db.select({ n: couponTemplates.usedCount }).from(couponTemplates).where(eq(couponTemplates.id, templateId))
  return row.n
}
async function newMemberWithCoupon(openid: string, options: Partial<TestCouponOptions> = {}) {
  await openNewCard(app, openid)
  const m = await member(openid)
  const coupon = await issueTestCoupon(app.db, { memberId: m.id, validFrom: JUNE.start, validTo: JUNE.end, ...options })
  return { openid, member: m, coupon }
}
const ticketOf = async (openid: string, as = clerk) => (await app.ok('staffLookupMember', { memberCode: await memberCodeOf(app, openid) }, as)).ticket as string
let requestSerial = 0
const newRequestId = () => `req-coupon-${++requestSerial}-${Date.now()}`

describe('the lookup at the till', () => {
  it('lists the member\'s coupons, usable now first, the others with why, and 🎂 for an unused birthday coupon', async () => {
    const { openid, member: m } = await newMemberWithCoupon('wx-coupon-list', { name: '满100减20', thresholdFen: 10_000, amountOffFen: 2_000 })
    await issueTestCoupon(app.db, { memberId: m.id, name: '明天的券', validFrom: new Date('2025-06-15T16:00:00.000Z'), validTo: JUNE.end })
    await issueTestCoupon(app.db, { memberId: m.id, name: '金卡专享', minTierCode: 'gold', validFrom: JUNE.start, validTo: JUNE.end })
    await issueTestCoupon(app.db, { memberId: m.id, name: '五月的券', validFrom: dayWindow('2025-05-01', '2025-05-31', ZONE).start, validTo: dayWindow('2025-05-01', '2025-05-31', ZONE).end })
    const birthday = await issueTestCoupon(app.db, { memberId: m.id, name: '生日礼', channel: 'birthday', kind: 'gift', validFrom: JUNE.start, validTo: dayWindow('2025-06-20', '2025-06-20', ZONE).end })
    const result = await app.ok('staffLookupMember', { memberCode: await memberCodeOf(app, openid) }, clerk)
    expect(result.coupons.map((c: { name: string; state: string; reason: string | null }) => [c.name, c.state, c.reason])).toEqual([
      ['生日礼', 'usable', null],
      ['满100减20', 'usable', null],
      ['明天的券', 'not_yet', '明天起可用'],
      ['金卡专享', 'not_yet', '仅限金卡及以上'],
    ])
    expect(result.coupons[0]).toMatchObject({ id: String(birthday.id), kind: 'gift', giftName: '咖啡一杯', birthday: true })
    expect(result.birthdayCoupon).toBe(true)
    // Once used, the birthday coupon no longer shows, nor does the cake.
    await app.ok('staffVerifyCoupon', { couponCode: birthday.code, requestId: newRequestId() }, clerk)
    const after = await app.ok('staffLookupMember', { memberCode: await memberCodeOf(app, openid) }, clerk)
    expect(after.birthdayCoupon).toBe(false)
    expect(after.coupons).toHaveLength(3)
  })
})

describe('a purchase with a coupon', () => {
  it('takes the coupon off, earns points on what was paid and verifies the coupon in the same transaction', async () => {
    const { openid, member: m, coupon } = await newMemberWithCoupon('wx-coupon-buy', { thresholdFen: 5_000, amountOffFen: 3_000 })
    const ticket = await ticketOf(openid)
    const result = await app.ok('staffRecordPurchase', { ticket, couponId: String(coupon.id), receiptNo: 'CPN-1', amountFen: 10_000 }, clerk)
    expect(result).toMatchObject({
      alreadyRecorded: false,
      grossFen: 10_000,
      tierDiscountFen: 0,
      couponDiscountFen: 3_000,
      paidFen: 7_000,
      pointsEarned: 70,
      growthEarned: 70,
      coupon: { id: String(coupon.id), state: 'used', reason: '已核销 · 06-15 10:00 · 店员小王' },
      member: { pointsBalance: 70 },
    })
    const [purchase] = await app.db.select().from(purchases).where(eq(purchases.receiptNo, 'CPN-1'))
    expect(purchase).toMatchObject({ amountFen: 7_000, grossFen: 10_000, couponDiscountFen: 3_000, couponId: coupon.id })
    expect(await couponRow(coupon.id)).toMatchObject({ status: 'used', usedAt: app.clock.now() })
    const verifications = await app.db.select().from(couponVerifications).where(eq(couponVerifications.couponId, coupon.id))
    expect(verifications).toEqual([
      expect.objectContaining({ purchaseId: purchase.id, receiptNo: 'CPN-1', requestId: 'purchase:CPN-1', discountFen: 3_000, voidedAt: null }),
    ])
    expect(await usedCount(coupon.templateId)).toBe(1)
    const [ledger] = await app.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, m.id))
    expect(ledger).toMatchObject({ delta: 70, requestId: 'purchase:CPN-1' })
    const audits = await app.db.select().from(auditLog).where(eq(auditLog.memberId, m.id)).orderBy(desc(auditLog.id)).limit(2)
    expect(audits.map((a) => a.action).sort()).toEqual(['coupon.verify', 'purchase.record'])

    // The retry of the same receipt and coupon: the first result, nothing verified or credited twice.
    const again = await app.ok('staffRecordPurchase', { ticket, couponId: String(coupon.id), receiptNo: 'CPN-1', amountFen: 10_000 }, clerk)
    expect(again).toMatchObject({ alreadyRecorded: true, paidFen: 7_000, couponDiscountFen: 3_000, pointsEarned: 0, coupon: { state: 'used' } })
    expect(await app.db.select().from(couponVerifications).where(eq(couponVerifications.couponId, coupon.id))).toHaveLength(1)
    expect(await usedCount(coupon.templateId)).toBe(1)
    expect((await member(openid)).pointsBalance).toBe(70)
  })

  it('records ¥0 paid as a payment: no points, no ledger entry', async () => {
    const { openid, member: m, coupon } = await newMemberWithCoupon('wx-coupon-zero', { amountOffFen: 3_000 })
    const result = await app.ok('staffRecordPurchase', { ticket: await ticketOf(openid), couponId: String(coupon.id), receiptNo: 'CPN-ZERO', amountFen: 2_000 }, clerk)
    expect(result).toMatchObject({ grossFen: 2_000, couponDiscountFen: 2_000, paidFen: 0, pointsEarned: 0, growthEarned: 0, coupon: { state: 'used' } })
    const [purchase] = await app.db.select().from(purchases).where(eq(purchases.receiptNo, 'CPN-ZERO'))
    expect(purchase).toMatchObject({ amountFen: 0, couponId: coupon.id })
    expect(await app.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, m.id))).toEqual([])
    const [verification] = await app.db.select().from(couponVerifications).where(eq(couponVerifications.couponId, coupon.id))
    expect(verification.purchaseId).toBe(purchase.id)
  })

  it('refuses a coupon whose threshold is not reached, saying how much is missing, and writes nothing', async () => {
    const { openid, coupon } = await newMemberWithCoupon('wx-coupon-short', { thresholdFen: 20_000, amountOffFen: 3_000 })
    const ticket = await ticketOf(openid)
    const before = await app.counts()
    expect(await app.call('staffRecordPurchase', { ticket, couponId: String(coupon.id), receiptNo: 'CPN-SHORT', amountFen: 18_800 }, clerk)).toEqual({
      ok: false,
      error: { code: 'COUPON_NOT_APPLICABLE', message: '还差 ¥12.00 可用' },
    })
    expect(await app.counts()).toEqual(before)
    expect(await couponRow(coupon.id)).toMatchObject({ status: 'available', usedAt: null })
    // ¥200.00 exactly reaches it.
    expect(await app.ok('staffRecordPurchase', { ticket, couponId: String(coupon.id), receiptNo: 'CPN-SHORT', amountFen: 20_000 }, clerk)).toMatchObject({ paidFen: 17_000 })
  })

  it('takes the tier discount first when the store lets the till apply it, and judges the threshold after it', async () => {
    const { openid, coupon } = await newMemberWithCoupon('wx-coupon-tier', { thresholdFen: 20_000, amountOffFen: 3_000 })
    const lookupOf = async () => app.ok('staffLookupMember', { memberCode: await memberCodeOf(app, openid) }, clerk)
    // The till is told whether to take the tier discount, so its live price matches what the server records.
    expect((await lookupOf()).tierDiscountPct).toBeNull()
    await setStoreRules(app.db, { tillAppliesTierDiscount: true })
    try {
      expect((await lookupOf()).tierDiscountPct).toBe(90)
      expect((await app.ok('staffPreviewCoupon', { couponCode: coupon.code }, clerk)).tierDiscountPct).toBe(90)
      const ticket = await ticketOf(openid)
      // 普通 is 9折 in the demo store: ¥200.00 → ¥180.00, short of the ¥200 threshold by ¥20.
      expect(await app.call('staffRecordPurchase', { ticket, couponId: String(coupon.id), receiptNo: 'CPN-TIER', amountFen: 20_000 }, clerk)).toMatchObject({
        ok: false,
        error: { code: 'COUPON_NOT_APPLICABLE', message: '还差 ¥20.00 可用' },
      })
      const result = await app.ok('staffRecordPurchase', { ticket, couponId: String(coupon.id), receiptNo: 'CPN-TIER', amountFen: 25_000 }, clerk)
      expect(result).toMatchObject({ grossFen: 25_000, tierDiscountFen: 2_500, couponDiscountFen: 3_000, paidFen: 19_500, pointsEarned: 195 })
      // Without a coupon the tier discount still applies.
      expect(await app.ok('staffRecordPurchase', { ticket, receiptNo: 'CPN-TIER-2', amountFen: 1_000 }, clerk)).toMatchObject({ tierDiscountFen: 100, paidFen: 900 })
    } finally {
      await setStoreRules(app.db, { tillAppliesTierDiscount: false })
    }
  })

  it('refuses another member\'s coupon with COUPON_OTHER_MEMBER, by id or by code, and writes nothing', async () => {
    const owner = await newMemberWithCoupon('wx-coupon-owner')
    await openNewCard(app, 'wx-coupon-not-owner')
    const ticket = await ticketOf('wx-coupon-not-owner')
    const before = await app.counts()
    for (const which of [{ couponId: String(owner.coupon.id) }, { couponCode: owner.coupon.code }]) {
      expect(await app.call('staffRecordPurchase', { ticket, ...which, receiptNo: 'CPN-OTHER', amountFen: 10_000 }, clerk)).toMatchObject({
        ok: false,
        error: { code: 'COUPON_OTHER_MEMBER', message: '该券不属于当前会员' },
      })
    }
    expect(await app.counts()).toEqual(before)
    expect(await couponRow(owner.coupon.id)).toMatchObject({ status: 'available' })
  })

  it('records a purchase for a scanned coupon\'s holder without a member code', async () => {
    const { openid, coupon } = await newMemberWithCoupon('wx-coupon-scan-only', { kind: 'percent_off', discountPct: 85 })
    const result = await app.ok('staffRecordPurchase', { couponCode: coupon.code, receiptNo: 'CPN-SCAN', amountFen: 9_900 }, clerk)
    // 8.5折 on ¥99.00: ¥14.85 off (a half fen in the member's favour), ¥84.15 paid.
    expect(result).toMatchObject({ couponDiscountFen: 1_485, paidFen: 8_415, pointsEarned: 84, member: { memberNo: (await member(openid)).memberNo } })
  })

  it('treats the same receipt with another coupon (or none) as a conflict: nothing is verified', async () => {
    const { openid, member: m, coupon } = await newMemberWithCoupon('wx-coupon-conflict')
    const second = await issueTestCoupon(app.db, { memberId: m.id, validFrom: JUNE.start, validTo: JUNE.end })
    const ticket = await ticketOf(openid)
    await app.ok('staffRecordPurchase', { ticket, couponId: String(coupon.id), receiptNo: 'CPN-CONFLICT', amountFen: 10_000 }, clerk)
    const before = await app.counts()
    expect(await app.call('staffRecordPurchase', { ticket, couponId: String(second.id), receiptNo: 'CPN-CONFLICT', amountFen: 10_000 }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_AMOUNT_MISMATCH', message: '该小票号已入账，使用的优惠券与本次不同，请核对小票' },
    })
    expect(await app.call('staffRecordPurchase', { ticket, receiptNo: 'CPN-CONFLICT', amountFen: 10_000 }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_AMOUNT_MISMATCH' },
    })
    expect(await app.counts()).toEqual(before)
    expect(await couponRow(second.id)).toMatchObject({ status: 'available', usedAt: null })
    expect(await usedCount(second.templateId)).toBe(0)
  })
})

describe('verifying a scanned coupon (核销)', () => {
  it('previews it with the holder masked, audited as a staff read', async () => {
    const { member: m, coupon } = await newMemberWithCoupon('wx-coupon-preview', { thresholdFen: 20_000, amountOffFen: 3_000, name: '满200减30' })
    const result = await app.ok('staffPreviewCoupon', { couponCode: coupon.code.replace(/(\d{4})/g, '$1 ') }, clerk)
    expect(result).toMatchObject({
      coupon: { name: '满200减30', kind: 'amount_off', thresholdFen: 20_000, amountOffFen: 3_000, state: 'usable', validTo: JUNE.end.toISOString() },
      holder: { nickname: m.nickname, memberNo: m.memberNo, phoneMasked: expect.stringMatching(/^\d{3}\*{4}\d{4}$/), tier: { code: 'normal' } },
      verification: null,
    })
    const [audit] = await app.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1)
    expect(audit).toMatchObject({ action: 'coupon.preview', memberId: m.id, detail: { couponId: coupon.id } })
    expect(await app.call('staffPreviewCoupon', { couponCode: 'C1' + '0'.repeat(20) }, clerk)).toMatchObject({ ok: false, error: { code: 'COUPON_NOT_FOUND' } })
  })

  it('verifies once: a retry with the same requestId gets the first result, a second clerk sees when and by whom (recorded)', async () => {
    const { member: m, coupon } = await newMemberWithCoupon('wx-coupon-verify', { kind: 'gift', giftName: '拿铁一杯' })
    const requestId = newRequestId()
    const first = await app.ok('staffVerifyCoupon', { couponCode: coupon.code, requestId }, clerk)
    expect(first).toEqual({
      coupon: expect.objectContaining({ state: 'used', reason: '已核销 · 06-15 10:00 · 店员小王' }),
      verification: { at: app.clock.now().toISOString(), staffName: '店员小王', receiptNo: null, discountFen: 0 },
      repeated: false,
    })
    app.clock.advanceS(90)
    // The confirm timed out on the phone and is sent again.
    const retry = await app.ok('staffVerifyCoupon', { couponCode: coupon.code, requestId }, clerk)
    expect(retry).toEqual({ ...first, repeated: true })
    // A second clerk scans the same coupon: refused, with when and by whom; the refusal itself is in the audit log.
    const auditBefore = (await app.counts()).auditLog
    expect(await app.call('staffVerifyCoupon', { couponCode: coupon.code, requestId: newRequestId() }, SECOND_CLERK)).toEqual({
      ok: false,
      error: { code: 'COUPON_ALREADY_USED', message: '该券已核销 · 06-15 10:00 · 店员小王' },
    })
    expect((await app.counts()).auditLog).toBe(auditBefore + 1)
    const [refusal] = await app.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1)
    expect(refusal).toMatchObject({ action: 'coupon.verify_refused', memberId: m.id, detail: expect.objectContaining({ couponId: coupon.id }) })
    // And at the till with a purchase too.
    expect(await app.call('staffRecordPurchase', { couponCode: coupon.code, receiptNo: 'CPN-USED', amountFen: 1_000 }, SECOND_CLERK)).toMatchObject({
      ok: false,
      error: { code: 'COUPON_ALREADY_USED', message: '该券已核销 · 06-15 10:00 · 店员小王' },
    })
    expect(await app.db.select().from(purchases).where(eq(purchases.receiptNo, 'CPN-USED'))).toEqual([])
    expect(await app.db.select().from(couponVerifications).where(eq(couponVerifications.couponId, coupon.id))).toHaveLength(1)
    expect(await usedCount(coupon.templateId)).toBe(1)
    // The preview shows it used, with the verification.
    expect(await app.ok('staffPreviewCoupon', { couponCode: coupon.code }, SECOND_CLERK)).toMatchObject({
      coupon: { state: 'used', reason: '已核销 · 06-15 10:00 · 店员小王' },
      verification: { staffName: '店员小王' },
    })
  })

  it('is usable at 23:59:59 on its last day and refused at 00:00:00 after it, and at valid_to + 1 s', async () => {
    const lastDay = dayWindow('2025-06-20', '2025-06-20', ZONE)
    const { member: m, coupon } = await newMemberWithCoupon('wx-coupon-edge', { validTo: lastDay.end })
    const late = await issueTestCoupon(app.db, { memberId: m.id, validFrom: JUNE.start, validTo: lastDay.end })
    const start = app.clock.now()
    try {
      app.clock.set('2025-06-20T15:59:59.000Z') // 23:59:59 Shanghai
      expect(await app.ok('staffVerifyCoupon', { couponCode: coupon.code, requestId: newRequestId() }, clerk)).toMatchObject({ repeated: false })
      app.clock.set('2025-06-20T16:00:00.000Z') // 00:00:00 the next day
      const before = await app.counts()
      expect(await app.call('staffVerifyCoupon', { couponCode: late.code, requestId: newRequestId() }, clerk)).toEqual({
        ok: false,
        error: { code: 'COUPON_NOT_USABLE', message: '已于 06-20 过期' },
      })
      app.clock.set(new Date(lastDay.end.getTime() + 1000))
      expect(await app.call('staffRecordPurchase', { couponCode: late.code, receiptNo: 'CPN-LATE', amountFen: 5_000 }, clerk)).toMatchObject({
        ok: false,
        error: { code: 'COUPON_NOT_USABLE' },
      })
      expect(await app.counts()).toEqual(before)
      expect(await couponRow(late.id)).toMatchObject({ status: 'available' })
    } finally {
      app.clock.set(start)
    }
  })

  it('refuses a clerk verifying their own coupon (SELF_DEALING), writing nothing', async () => {
    await app.ok('openCard', { nickname: '小李自己', phone: '13500002002' }, SECOND_CLERK)
    const own = await issueTestCoupon(app.db, { memberId: (await member(SECOND_CLERK)).id, validFrom: JUNE.start, validTo: JUNE.end })
    const before = await app.counts()
    expect(await app.call('staffVerifyCoupon', { couponCode: own.code, requestId: newRequestId() }, SECOND_CLERK)).toEqual({
      ok: false,
      error: { code: 'SELF_DEALING', message: '店员不能核销自己的优惠券，请由其他店员或店长操作' },
    })
    expect(await app.call('staffRecordPurchase', { couponCode: own.code, receiptNo: 'CPN-SELF', amountFen: 5_000 }, SECOND_CLERK)).toMatchObject({
      ok: false,
      error: { code: 'SELF_DEALING' },
    })
    expect(await app.counts()).toEqual(before)
    expect(await couponRow(own.id)).toMatchObject({ status: 'available' })
  })

  it('refuses a coupon before its window and below its tier, with the reason', async () => {
    const { coupon } = await newMemberWithCoupon('wx-coupon-early', { validFrom: new Date('2025-06-15T16:00:00.000Z') })
    expect(await app.call('staffVerifyCoupon', { couponCode: coupon.code, requestId: newRequestId() }, clerk)).toEqual({
      ok: false,
      error: { code: 'COUPON_NOT_USABLE', message: '明天起可用' },
    })
    const gold = await newMemberWithCoupon('wx-coupon-gold-only', { minTierCode: 'gold' })
    expect(await app.call('staffVerifyCoupon', { couponCode: gold.coupon.code, requestId: newRequestId() }, clerk)).toEqual({
      ok: false,
      error: { code: 'COUPON_NOT_USABLE', message: '仅限金卡及以上' },
    })
  })
})

describe('voiding a verification (核销撤销)', () => {
  it('lets a manager void within the window: the coupon is usable again, used_count goes back, audited; never twice', async () => {
    const { member: m, coupon } = await newMemberWithCoupon('wx-coupon-void')
    await app.ok('staffVerifyCoupon', { couponCode: coupon.code, requestId: newRequestId() }, clerk)
    app.clock.advanceS(23 * 3600)
    expect(await app.call('staffVoidCouponVerification', { couponCode: coupon.code, reason: '顾客未取餐' }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const result = await app.ok('staffVoidCouponVerification', { couponCode: coupon.code, reason: '顾客未取餐' }, manager)
    expect(result.coupon).toMatchObject({ state: 'usable', reason: null })
    expect(await couponRow(coupon.id)).toMatchObject({ status: 'available', usedAt: null })
    expect(await usedCount(coupon.templateId)).toBe(0)
    const [verification] = await app.db.select().from(couponVerifications).where(eq(couponVerifications.couponId, coupon.id))
    expect(verification).toMatchObject({ voidReason: '顾客未取餐', voidedAt: app.clock.now() })
    const [audit] = await app.db.select().from(auditLog).where(and(eq(auditLog.memberId, m.id), eq(auditLog.action, 'coupon.void')))
    expect(audit.detail).toMatchObject({ couponId: coupon.id, verificationId: verification.id })
    expect(await app.call('staffVoidCouponVerification', { couponCode: coupon.code, reason: '再撤一次' }, manager)).toMatchObject({
      ok: false,
      error: { code: 'COUPON_NOT_VERIFIED' },
    })
    // Usable again: it can be verified anew.
    expect(await app.ok('staffVerifyCoupon', { couponCode: coupon.code, requestId: newRequestId() }, clerk)).toMatchObject({ repeated: false })
  })

  it('refuses after the store\'s window, and returns a coupon past its end as expired', async () => {
    const { coupon } = await newMemberWithCoupon('wx-coupon-void-late')
    const [clerkRow] = await app.db.select().from(staff).where(eq(staff.openid, clerk))
    await verifyTestCouponDirectly(app.db, coupon, clerkRow.id, new Date(app.clock.now().getTime() - 24 * 3600_000 - 1000))
    expect(await app.call('staffVoidCouponVerification', { couponCode: coupon.code, reason: '补录' }, manager)).toEqual({
      ok: false,
      error: { code: 'COUPON_VOID_WINDOW_PASSED', message: '已超过可撤销核销的时间（核销后 24 小时内）' },
    })
    const lastDay = dayWindow('2025-06-15', '2025-06-15', ZONE)
    const { coupon: ending } = await newMemberWithCoupon('wx-coupon-void-expired', { validTo: lastDay.end })
    await app.ok('staffVerifyCoupon', { couponCode: ending.code, requestId: newRequestId() }, clerk)
    const start = app.clock.now()
    try {
      app.clock.set(new Date(lastDay.end.getTime() + 1))
      const result = await app.ok('staffVoidCouponVerification', { couponCode: ending.code, reason: '误核销' }, manager)
      expect(result.coupon).toMatchObject({ state: 'expired', reason: '已于 06-15 过期' })
      expect(await couponRow(ending.id)).toMatchObject({ status: 'expired', usedAt: null })
    } finally {
      app.clock.set(start)
    }
  })

  it('sends a verification made on a purchase to the refund instead', async () => {
    const { openid, coupon } = await newMemberWithCoupon('wx-coupon-void-purchase')
    await app.ok('staffRecordPurchase', { ticket: await ticketOf(openid), couponId: String(coupon.id), receiptNo: 'CPN-VOIDP', amountFen: 10_000 }, clerk)
    expect(await app.call('staffVoidCouponVerification', { couponCode: coupon.code, reason: '误核销' }, manager)).toEqual({
      ok: false,
      error: { code: 'COUPON_NOT_VERIFIED', message: '该券随小票 CPN-VOIDP 的消费核销，请对该小票办理退款来撤销' },
    })
    expect(await couponRow(coupon.id)).toMatchObject({ status: 'used' })
  })
})
