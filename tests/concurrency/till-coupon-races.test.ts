import { and, eq, inArray } from 'drizzle-orm'
import { DEMO_OPENIDS } from '../../src/cloud/app'
import { auditLog, couponTemplates, couponVerifications, memberCoupons, members, pointsLedger, purchaseRefunds, purchases, staff, stores } from '../../src/cloud/db/schema'
import { dayWindow } from '../../src/domain/coupons/validity'
import { createAppFixture, expectBalancesMatchLedger, memberCodeOf, openNewCard, type AppFixture } from '../helpers/app-fixture'
import { issueTestCoupon } from '../helpers/coupon-fixtures'
import { requirePostgres } from '../helpers/test-db'

// Real PostgreSQL only (npm run test:pg): PGlite runs one transaction at a time, so no race could ever show.
const JUNE = dayWindow('2025-06-01', '2025-06-30', 'Asia/Shanghai')
const CLERKS = 100
let app: AppFixture
let clerks: { id: number; openid: string }[]
beforeAll(async () => {
  requirePostgres()
  app = await createAppFixture({ poolMax: 20 })
  const [store] = await app.db.select().from(stores)
  clerks = await app.db
    .insert(staff)
    .values(Array.from({ length: CLERKS }, (_, i) => ({ storeId: store.id, openid: `wx-race-clerk-${i}`, name: `店员${i}`, role: 'clerk' })))
    .returning({ id: staff.id, openid: staff.openid })
})
afterEach(async () => expectBalancesMatchLedger(app.db))
afterAll(async () => app?.close())

async function memberRow(openid: string) {
  const [row] = await app.db.select().from(members).where(eq(members.openid, openid))
  return row
}
const errorCodes = (results: { ok: boolean }[]) => results.filter((r) => !r.ok).map((r) => (r as unknown as { error: { code: string } }).error.code)

describe('verifying one coupon concurrently', () => {
  it(`lets one of ${CLERKS} clerks verify it; the other ${CLERKS - 1} see 已核销, and every refusal is in the audit log`, async () => {
    const { openid } = await openNewCard(app, 'wx-race-coupon')
    const m = await memberRow(openid)
    const coupon = await issueTestCoupon(app.db, { memberId: m.id, validFrom: JUNE.start, validTo: JUNE.end })
    const results = await Promise.all(
      clerks.map((c, i) => app.call('staffVerifyCoupon', { couponCode: coupon.code, requestId: `race-verify-${i}-${Date.now()}` }, c.openid)),
    )
    const winners = results.filter((r) => r.ok)
    expect(winners).toHaveLength(1)
    expect(errorCodes(results)).toEqual(Array(CLERKS - 1).fill('COUPON_ALREADY_USED'))
    const winner = (winners[0] as { data: { verification: { staffName: string } } }).data.verification.staffName
    for (const r of results.filter((x) => !x.ok)) expect((r as { error: { message: string } }).error.message).toMatch(new RegExp(`^该券已核销 · 06-15 10:00 · ${winner}$`))

    const [row] = await app.db.select().from(memberCoupons).where(eq(memberCoupons.id, coupon.id))
    expect(row).toMatchObject({ status: 'used', usedAt: app.clock.now() })
    expect(await app.db.select().from(couponVerifications).where(eq(couponVerifications.couponId, coupon.id))).toHaveLength(1)
    const [template] = await app.db.select().from(couponTemplates).where(eq(couponTemplates.id, coupon.templateId))
    expect(template.usedCount).toBe(1)
    const audits = await app.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.memberId, m.id), inArray(auditLog.action, ['coupon.verify', 'coupon.verify_refused'])))
    expect(audits.filter((a) => a.action === 'coupon.verify')).toHaveLength(1)
    expect(audits.filter((a) => a.action === 'coupon.verify_refused')).toHaveLength(CLERKS - 1)
  })

  it('uses a coupon on one purchase when twenty clerks ring it up on twenty receipts at once', async () => {
    const { openid } = await openNewCard(app, 'wx-race-coupon-buy')
    const m = await memberRow(openid)
    const coupon = await issueTestCoupon(app.db, { memberId: m.id, validFrom: JUNE.start, validTo: JUNE.end, amountOffFen: 1_000 })
    const results = await Promise.all(
      clerks.slice(0, 20).map((c, i) => app.call('staffRecordPurchase', { couponCode: coupon.code, receiptNo: `RACE-CPN-${i}`, amountFen: 5_000 }, c.openid)),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(errorCodes(results)).toEqual(Array(19).fill('COUPON_ALREADY_USED'))
    expect(await app.db.select().from(purchases).where(eq(purchases.memberId, m.id))).toHaveLength(1)
    expect((await memberRow(openid)).pointsBalance).toBe(40)
  })

  it('credits and verifies once when two clerks enter the same receipt with the same coupon at once', async () => {
    const { openid } = await openNewCard(app, 'wx-race-coupon-same-receipt')
    const m = await memberRow(openid)
    const code = await memberCodeOf(app, openid)
    for (let round = 1; round <= 10; round++) {
      const coupon = await issueTestCoupon(app.db, { memberId: m.id, validFrom: JUNE.start, validTo: JUNE.end, amountOffFen: 500 })
      const input = { memberCode: code, couponId: String(coupon.id), receiptNo: `RACE-SAME-CPN-${round}`, amountFen: 2_500 }
      const both = await Promise.all([app.call('staffRecordPurchase', input, clerks[0].openid), app.call('staffRecordPurchase', input, clerks[1].openid)])
      expect(both.map((r) => (r as { data: { alreadyRecorded: boolean } }).data.alreadyRecorded).sort()).toEqual([false, true])
    }
    expect((await memberRow(openid)).pointsBalance).toBe(10 * 20)
  })
})

describe('refunding concurrently', () => {
  it('refunds a receipt once when two managers confirm at the same moment', async () => {
    const { openid } = await openNewCard(app, 'wx-race-refund')
    const code = await memberCodeOf(app, openid)
    const m = await memberRow(openid)
    for (let round = 1; round <= 10; round++) {
      const coupon = await issueTestCoupon(app.db, { memberId: m.id, validFrom: JUNE.start, validTo: JUNE.end, amountOffFen: 1_000 })
      const receiptNo = `RACE-REFUND-${round}`
      await app.ok('staffRecordPurchase', { memberCode: code, couponId: String(coupon.id), receiptNo, amountFen: 11_000 }, DEMO_OPENIDS.clerk)
      const both = await Promise.all([
        app.call('staffRefundPurchase', { receiptNo, reason: '退货' }, DEMO_OPENIDS.manager),
        app.call('staffRefundPurchase', { receiptNo, reason: '退货' }, DEMO_OPENIDS.manager),
      ])
      expect(both.map((r) => (r as { data: { alreadyRefunded: boolean } }).data.alreadyRefunded).sort()).toEqual([false, true])
      const [purchase] = await app.db.select().from(purchases).where(eq(purchases.receiptNo, receiptNo))
      expect(await app.db.select().from(purchaseRefunds).where(eq(purchaseRefunds.purchaseId, purchase.id))).toHaveLength(1)
      expect(await app.db.select().from(pointsLedger).where(eq(pointsLedger.requestId, `refund:${receiptNo}`))).toEqual([
        expect.objectContaining({ reason: 'clawback', delta: -100 }),
      ])
      const [returned] = await app.db.select().from(memberCoupons).where(eq(memberCoupons.id, coupon.id))
      expect(returned.status).toBe('available')
      const [template] = await app.db.select().from(couponTemplates).where(eq(couponTemplates.id, coupon.templateId))
      expect(template.usedCount).toBe(0)
    }
    expect(await memberRow(openid)).toMatchObject({ pointsBalance: 0, growth: 0 })
  })
})
