import { eq } from 'drizzle-orm'
import { DEMO_OPENIDS } from '../../src/cloud/app'
import { couponTemplates, memberCoupons } from '../../src/cloud/db/schema'
import { createAppFixture, openNewCard, type AppFixture } from '../helpers/app-fixture'
import { requirePostgres } from '../helpers/test-db'

// Real PostgreSQL only (npm run test:pg): PGlite runs one transaction at a time, so no race could ever show.
let app: AppFixture
beforeAll(async () => {
  requirePostgres()
  app = await createAppFixture({ poolMax: 20 })
})
afterAll(async () => app?.close())

const template = (overrides: Record<string, unknown>) => ({
  name: '抢券',
  kind: 'amount_off',
  thresholdFen: 0,
  amountOffFen: 500,
  validity: { kind: 'days', days: 7 },
  totalQuantity: null,
  perMemberLimit: 1,
  minTierCode: null,
  channel: 'claim',
  ...overrides,
})

async function createTemplate(requestId: string, overrides: Record<string, unknown>): Promise<string> {
  const { template: t } = await app.ok('createCouponTemplate', { requestId, template: template(overrides) }, DEMO_OPENIDS.manager)
  return t.id
}

const errorCodes = (results: Array<{ ok: boolean }>) =>
  results.filter((r) => !r.ok).map((r) => (r as unknown as { error: { code: string } }).error.code)

describe('claiming coupons concurrently', () => {
  it('gives a total-1 coupon to exactly one of 64 members claiming at once; the others hear it is sold out', async () => {
    const templateId = await createTemplate('race-total-1', { totalQuantity: 1 })
    const openids: string[] = []
    for (let i = 0; i < 64; i++) openids.push((await openNewCard(app, `wx-race-claimer-${i}`)).openid)

    const results = await Promise.all(openids.map((openid, i) => app.call('claimCoupon', { templateId, requestId: `race-claim-${i}` }, openid)))

    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(new Set(errorCodes(results))).toEqual(new Set(['COUPON_SOLD_OUT']))
    expect(await app.db.select().from(memberCoupons).where(eq(memberCoupons.templateId, Number(templateId)))).toHaveLength(1)
    const [row] = await app.db.select().from(couponTemplates).where(eq(couponTemplates.id, Number(templateId)))
    expect(row.claimedCount).toBe(1)
  })

  it('issues one coupon of a limit-1 template when one member taps claim 20 times at once', async () => {
    const templateId = await createTemplate('race-limit-1', { totalQuantity: 100 })
    const { openid } = await openNewCard(app, 'wx-race-tapper')

    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => app.call('claimCoupon', { templateId, requestId: `tap-tap-tap-${i}` }, openid)))

    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(new Set(errorCodes(results))).toEqual(new Set(['COUPON_LIMIT_REACHED']))
    expect(await app.db.select().from(memberCoupons).where(eq(memberCoupons.templateId, Number(templateId)))).toHaveLength(1)
    const [row] = await app.db.select().from(couponTemplates).where(eq(couponTemplates.id, Number(templateId)))
    expect(row.claimedCount).toBe(1)
  })

  it('returns the one coupon to 20 concurrent retries of the same tap', async () => {
    const templateId = await createTemplate('race-retry', { perMemberLimit: 1 })
    const { openid } = await openNewCard(app, 'wx-race-retrier')

    const results = await Promise.all(Array.from({ length: 20 }, () => app.call('claimCoupon', { templateId, requestId: 'the-one-tap' }, openid)))

    expect(errorCodes(results)).toEqual([])
    const data = results.map((r) => (r as { data: { coupon: { id: string }; repeated: boolean } }).data)
    expect(data.filter((d) => !d.repeated)).toHaveLength(1)
    expect(new Set(data.map((d) => d.coupon.id)).size).toBe(1)
    const [row] = await app.db.select().from(couponTemplates).where(eq(couponTemplates.id, Number(templateId)))
    expect(row.claimedCount).toBe(1)
  })

  it('never lets a concurrent edit take the total below what is claimed', async () => {
    const templateId = await createTemplate('race-edit', { totalQuantity: 40, perMemberLimit: 1 })
    const openids: string[] = []
    for (let i = 0; i < 30; i++) openids.push((await openNewCard(app, `wx-race-edit-${i}`)).openid)
    const claims = openids.map((openid, i) => app.call('claimCoupon', { templateId, requestId: `edit-race-${i}` }, openid))
    const edits = [10, 15, 20, 25].map((total) =>
      app.call('updateCouponTemplate', { id: templateId, template: template({ totalQuantity: total, perMemberLimit: 1 }) }, DEMO_OPENIDS.manager),
    )
    const results = await Promise.all([...claims, ...edits])
    // Every refusal is a typed one (never a CHECK violation surfacing as INTERNAL).
    expect(errorCodes(results).filter((c) => c !== 'COUPON_SOLD_OUT' && c !== 'COUPON_TOTAL_BELOW_CLAIMED')).toEqual([])
    const [row] = await app.db.select().from(couponTemplates).where(eq(couponTemplates.id, Number(templateId)))
    const held = await app.db.select().from(memberCoupons).where(eq(memberCoupons.templateId, Number(templateId)))
    expect(held).toHaveLength(row.claimedCount)
    expect(row.totalQuantity === null || row.claimedCount <= row.totalQuantity).toBe(true)
  })
})
