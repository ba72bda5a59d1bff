import { and, desc, eq } from 'drizzle-orm'
import { DEMO_OPENIDS } from '../index'
import { auditLog, couponTemplates, couponVerifications, memberCoupons, members, pointsLedger, purchaseRefunds, purchases } from '../../db/schema'
import { postPoints } from '../../db/repositories/points-ledger'
import { dayWindow } from '../../../domain/coupons/validity'
import { createAppFixture, expectBalancesMatchLedger, memberCodeOf, openNewCard, TEST_START, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { issueTestCoupon, setStoreRules } from '../../../../tests/helpers/coupon-fixtures'

const ZONE = 'Asia/Shanghai'
const JUNE = dayWindow('2025-06-01', '2025-06-30', ZONE)
const clerk = DEMO_OPENIDS.clerk
const manager = DEMO_OPENIDS.manager

let app: AppFixture
beforeAll(async () => {
  app = await createAppFixture()
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
async function buy(openid: string, receiptNo: string, amountFen: number, couponId?: number) {
  const memberCode = await memberCodeOf(app, openid)
  return app.ok('staffRecordPurchase', { memberCode, receiptNo, amountFen, ...(couponId ? { couponId: String(couponId) } : {}) }, clerk)
}
const refund = (receiptNo: string, as: string = manager) => app.call('staffRefundPurchase', { receiptNo, reason: '顾客退货' }, as)

describe('refunding a purchase', () => {
  it('shows what it will do, then reverses the points and growth by a clawback entry, once, audited', async () => {
    const { openid } = await openNewCard(app, 'wx-refund-plain')
    await buy(openid, 'RF-1', 50_000)
    const m = await member(openid)
    const preview = await app.ok('staffPreviewRefund', { receiptNo: 'rf-1' }, manager)
    expect(preview).toEqual({
      alreadyRefunded: false,
      refund: expect.objectContaining({
        receiptNo: 'RF-1',
        memberNickname: m.nickname,
        memberPhoneMasked: expect.stringMatching(/^\d{3}\*{4}\d{4}$/),
        paidFen: 50_000,
        pointsEarned: 500,
        pointsToReverse: 500,
        pointsShortfall: 0,
        growthToReverse: 500,
        tierBefore: expect.objectContaining({ code: 'normal' }),
        tierAfter: expect.objectContaining({ code: 'normal' }),
        coupon: null,
        refundedAt: null,
        refundedBy: null,
      }),
    })
    const done = await refund('RF-1')
    expect(done).toMatchObject({
      ok: true,
      data: { alreadyRefunded: false, refund: { pointsToReverse: 500, pointsShortfall: 0, refundedAt: app.clock.now().toISOString(), refundedBy: '店长陈姐' } },
    })
    expect(await member(openid)).toMatchObject({ pointsBalance: 0, growth: 0 })
    const ledger = await app.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, m.id)).orderBy(desc(pointsLedger.id))
    expect(ledger[0]).toMatchObject({ reason: 'clawback', delta: -500, requestId: 'refund:RF-1' })
    const [audit] = await app.db.select().from(auditLog).where(and(eq(auditLog.memberId, m.id), eq(auditLog.action, 'purchase.refund')))
    expect(audit.detail).toMatchObject({ receiptNo: 'RF-1', pointsReversed: 500, pointsShortfall: 0, growthReversed: 500 })

    // Once: a second refund (a retry, another manager) gets the first back, and nothing moves.
    app.clock.advanceS(60)
    const before = await app.counts()
    const again = await refund('RF-1')
    expect(again).toMatchObject({ ok: true, data: { alreadyRefunded: true, refund: { pointsToReverse: 500, refundedBy: '店长陈姐' } } })
    expect((await app.counts()).pointsLedger).toBe(before.pointsLedger)
    expect(await app.db.select().from(purchaseRefunds).where(eq(purchaseRefunds.memberId, m.id))).toHaveLength(1)
    expect(await app.ok('staffPreviewRefund', { receiptNo: 'RF-1' }, manager)).toMatchObject({ alreadyRefunded: true })
  })

  it('forgives points already spent: the balance never goes below zero, and the shortfall is shown first and recorded', async () => {
    const { openid } = await openNewCard(app, 'wx-refund-spent')
    await buy(openid, 'RF-SPENT', 50_000)
    const m = await member(openid)
    await app.db.transaction((tx) =>
      postPoints(tx, { storeId: m.storeId, memberId: m.id, reason: 'redeem', delta: -420, requestId: 'test-redeem-rf', note: null, expiresAt: null, createdAt: app.clock.now() }),
    )
    expect((await app.ok('staffPreviewRefund', { receiptNo: 'RF-SPENT' }, manager)).refund).toMatchObject({ pointsEarned: 500, pointsToReverse: 80, pointsShortfall: 420 })
    expect(await refund('RF-SPENT')).toMatchObject({ ok: true, data: { refund: { pointsToReverse: 80, pointsShortfall: 420 } } })
    expect(await member(openid)).toMatchObject({ pointsBalance: 0, growth: 0 })
    const [row] = await app.db.select().from(purchaseRefunds).where(eq(purchaseRefunds.memberId, m.id))
    expect(row).toMatchObject({ pointsReversed: 80, pointsShortfall: 420, growthReversed: 500 })
  })

  it('reverses growth even when there are no points to take back', async () => {
    const { openid } = await openNewCard(app, 'wx-refund-broke')
    await buy(openid, 'RF-BROKE', 30_000)
    const m = await member(openid)
    await app.db.transaction((tx) =>
      postPoints(tx, { storeId: m.storeId, memberId: m.id, reason: 'redeem', delta: -300, requestId: 'test-redeem-broke', note: null, expiresAt: null, createdAt: app.clock.now() }),
    )
    expect(await refund('RF-BROKE')).toMatchObject({ ok: true, data: { refund: { pointsToReverse: 0, pointsShortfall: 300, growthToReverse: 300 } } })
    expect(await member(openid)).toMatchObject({ pointsBalance: 0, growth: 0 })
    expect(await app.db.select().from(pointsLedger).where(eq(pointsLedger.requestId, 'refund:RF-BROKE'))).toEqual([])
  })

  it('lowers the tier with the growth by the store\'s rule, or keeps it', async () => {
    const { openid } = await openNewCard(app, 'wx-refund-tier')
    await buy(openid, 'RF-T1', 60_000)
    expect(await buy(openid, 'RF-T2', 50_000)).toMatchObject({ promotedTo: { code: 'silver' } })
    expect((await app.ok('staffPreviewRefund', { receiptNo: 'RF-T2' }, manager)).refund).toMatchObject({ tierBefore: { code: 'silver' }, tierAfter: { code: 'normal' } })
    await refund('RF-T2')
    expect(await member(openid)).toMatchObject({ tierCode: 'normal', growth: 600 })

    const kept = await openNewCard(app, 'wx-refund-tier-kept')
    await buy(kept.openid, 'RF-K1', 110_000)
    await setStoreRules(app.db, { refundLowersTier: false })
    try {
      expect(await refund('RF-K1')).toMatchObject({ ok: true, data: { refund: { tierBefore: { code: 'silver' }, tierAfter: { code: 'silver' } } } })
      expect(await member(kept.openid)).toMatchObject({ tierCode: 'silver', growth: 0 })
    } finally {
      await setStoreRules(app.db, { refundLowersTier: true })
    }
  })

  it('returns the coupon verified on the purchase: usable within its window, expired after it', async () => {
    const { openid } = await openNewCard(app, 'wx-refund-coupon')
    const m = await member(openid)
    const coupon = await issueTestCoupon(app.db, { memberId: m.id, validFrom: JUNE.start, validTo: JUNE.end, name: '满减券' })
    await buy(openid, 'RF-C1', 10_000, coupon.id)
    expect((await app.ok('staffPreviewRefund', { receiptNo: 'RF-C1' }, manager)).refund.coupon).toEqual({ name: '满减券', returnsAs: 'available' })
    await refund('RF-C1')
    const [returned] = await app.db.select().from(memberCoupons).where(eq(memberCoupons.id, coupon.id))
    expect(returned).toMatchObject({ status: 'available', usedAt: null })
    const [verification] = await app.db.select().from(couponVerifications).where(eq(couponVerifications.couponId, coupon.id))
    expect(verification).toMatchObject({ voidReason: '退款' })
    const [template] = await app.db.select().from(couponTemplates).where(eq(couponTemplates.id, coupon.templateId))
    expect(template.usedCount).toBe(0)
    // Usable again at the till.
    expect((await app.ok('staffLookupMember', { memberCode: await memberCodeOf(app, openid) }, clerk)).coupons).toEqual([
      expect.objectContaining({ id: String(coupon.id), state: 'usable' }),
    ])

    const ending = await issueTestCoupon(app.db, { memberId: m.id, validFrom: JUNE.start, validTo: dayWindow('2025-06-15', '2025-06-15', ZONE).end })
    await buy(openid, 'RF-C2', 10_000, ending.id)
    app.clock.set('2025-06-15T16:00:00.000Z') // 00:00 the next day in Shanghai
    expect(await refund('RF-C2')).toMatchObject({ ok: true, data: { refund: { coupon: { returnsAs: 'expired' } } } })
    const [expired] = await app.db.select().from(memberCoupons).where(eq(memberCoupons.id, ending.id))
    expect(expired).toMatchObject({ status: 'expired', usedAt: null })
  })

  it('keeps the coupon used when the store does not return coupons', async () => {
    const { openid } = await openNewCard(app, 'wx-refund-coupon-kept')
    const m = await member(openid)
    const coupon = await issueTestCoupon(app.db, { memberId: m.id, validFrom: JUNE.start, validTo: JUNE.end })
    await buy(openid, 'RF-C3', 10_000, coupon.id)
    await setStoreRules(app.db, { refundReturnsCoupon: false })
    try {
      expect(await refund('RF-C3')).toMatchObject({ ok: true, data: { refund: { coupon: { returnsAs: null } } } })
      const [row] = await app.db.select().from(memberCoupons).where(eq(memberCoupons.id, coupon.id))
      expect(row.status).toBe('used')
    } finally {
      await setStoreRules(app.db, { refundReturnsCoupon: true })
    }
  })

  it('refuses an unknown receipt and a clerk, writing nothing', async () => {
    const before = await app.counts()
    expect(await refund('NO-SUCH-RECEIPT')).toEqual({ ok: false, error: { code: 'PURCHASE_NOT_FOUND', message: '未找到该小票的消费记录' } })
    expect(await app.call('staffPreviewRefund', { receiptNo: 'NO-SUCH-RECEIPT' }, manager)).toMatchObject({ ok: false, error: { code: 'PURCHASE_NOT_FOUND' } })
    const [seeded] = await app.db.select().from(purchases).limit(1)
    expect(await refund(seeded.receiptNo, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await app.counts()).toEqual(before)
  })
})
