import { eq } from 'drizzle-orm'
import { DEMO_OPENIDS } from '../../src/cloud/app'
import { members, pointsLedger, purchases, staff, stores } from '../../src/cloud/db/schema'
import { createAppFixture, expectBalancesMatchLedger, memberCodeOf, openNewCard, phoneFor, type AppFixture } from '../helpers/app-fixture'
import { requirePostgres } from '../helpers/test-db'

// Real PostgreSQL only (npm run test:pg): PGlite runs one transaction at a time, so no race could ever show.
let app: AppFixture
const SECOND_CLERK = 'wx-clerk-two'
beforeAll(async () => {
  requirePostgres()
  app = await createAppFixture({ poolMax: 20 })
  const [store] = await app.db.select().from(stores)
  await app.db.insert(staff).values({ storeId: store.id, openid: SECOND_CLERK, name: '店员小李', role: 'clerk' })
})
afterEach(async () => expectBalancesMatchLedger(app.db))
afterAll(async () => app?.close())

async function memberRow(openid: string) {
  const [row] = await app.db.select().from(members).where(eq(members.openid, openid))
  return row
}

type PurchaseData = { alreadyRecorded: boolean; pointsEarned: number; growthEarned: number; promotedTo: { code: string } | null }

describe('recording purchases concurrently', () => {
  it('credits 180 distinct receipts exactly once out of 200 concurrent calls with 20 duplicates', async () => {
    const { openid } = await openNewCard(app, 'wx-busy-member')
    const code = await memberCodeOf(app, openid)
    const amountOf = (n: number) => 1_000 + n * 137 // fen; distinct per receipt, the same for its duplicate
    const receipts = Array.from({ length: 180 }, (_, i) => i + 1)
    const calls = [...receipts, ...receipts.slice(0, 20)]
    // Interleave duplicates with originals so they really overlap in time.
    calls.sort((a, b) => ((a * 7919) % 200) - ((b * 7919) % 200))

    const results = await Promise.all(
      calls.map((n, i) =>
        app.call('staffRecordPurchase', { memberCode: code, receiptNo: `RACE-${n}`, amountFen: amountOf(n) }, i % 2 ? SECOND_CLERK : DEMO_OPENIDS.clerk),
      ),
    )

    expect(results.filter((r) => !r.ok)).toEqual([])
    const data = results.map((r) => (r as { data: PurchaseData }).data)
    expect(data.filter((d) => d.alreadyRecorded)).toHaveLength(20)
    const expectedPoints = receipts.reduce((sum, n) => sum + Math.floor(amountOf(n) / 100), 0)
    expect(data.reduce((sum, d) => sum + d.pointsEarned, 0)).toBe(expectedPoints)

    const member = await memberRow(openid)
    expect(member.pointsBalance).toBe(expectedPoints)
    expect(member.growth).toBe(expectedPoints)
    expect(await app.db.select().from(purchases).where(eq(purchases.memberId, member.id))).toHaveLength(180)
    expect(await app.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, member.id))).toHaveLength(180)

    // Each threshold crossed is reported exactly once, and the final tier is the one the growth reaches.
    const promotions = data.flatMap((d) => (d.promotedTo ? [d.promotedTo.code] : []))
    expect(new Set(promotions).size).toBe(promotions.length)
    expect(promotions).toContain(member.tierCode)
    expect(member.tierCode).toBe(expectedPoints >= 20_000 ? 'diamond' : expectedPoints >= 5_000 ? 'gold' : 'silver')
  })

  it('credits a receipt once when two clerks enter it at the same moment; the other sees alreadyRecorded', async () => {
    const { openid } = await openNewCard(app, 'wx-two-clerks')
    const code = await memberCodeOf(app, openid)
    for (let round = 1; round <= 15; round++) {
      const input = { memberCode: code, receiptNo: `SAME-${round}`, amountFen: 2_500 }
      const [a, b] = await Promise.all([
        app.call('staffRecordPurchase', input, DEMO_OPENIDS.clerk),
        app.call('staffRecordPurchase', input, SECOND_CLERK),
      ])
      const both = [a, b].map((r) => (r as { data: PurchaseData }).data)
      expect(both.map((d) => d.alreadyRecorded).sort()).toEqual([false, true])
      expect(both.map((d) => d.pointsEarned).sort()).toEqual([0, 25])
    }
    const member = await memberRow(openid)
    expect(member.pointsBalance).toBe(15 * 25)
    expect(await app.db.select().from(purchases).where(eq(purchases.memberId, member.id))).toHaveLength(15)
  })

  it('gives a receipt to one member only when it is entered for two members at the same moment', async () => {
    const a = await openNewCard(app, 'wx-contested-a')
    const b = await openNewCard(app, 'wx-contested-b')
    const [codeA, codeB] = [await memberCodeOf(app, a.openid), await memberCodeOf(app, b.openid)]
    for (let round = 1; round <= 10; round++) {
      const receiptNo = `CONTESTED-${round}`
      const results = await Promise.all([
        app.call('staffRecordPurchase', { memberCode: codeA, receiptNo, amountFen: 1_000 }, DEMO_OPENIDS.clerk),
        app.call('staffRecordPurchase', { memberCode: codeB, receiptNo, amountFen: 1_000 }, SECOND_CLERK),
      ])
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(results.filter((r) => !r.ok).map((r) => (r as { error: { code: string } }).error.code)).toEqual(['RECEIPT_CONFLICT'])
    }
    const total = (await memberRow(a.openid)).pointsBalance + (await memberRow(b.openid)).pointsBalance
    expect(total).toBe(10 * 10)
  })
})

describe('opening a card concurrently', () => {
  it('makes one card when the same WeChat user taps "open" many times at once', async () => {
    for (const openid of ['wx-eager-1', 'wx-eager-2', 'wx-eager-3']) {
      const results = await Promise.all(
        Array.from({ length: 12 }, () => app.ok('openCard', { nickname: '急性子', phone: phoneFor(openid) }, openid)),
      )
      expect(results.filter((r) => r.created)).toHaveLength(1)
      expect(new Set(results.map((r) => r.card.memberNo)).size).toBe(1)
      expect(await app.db.select().from(members).where(eq(members.openid, openid))).toHaveLength(1)
    }
  })
})
