import { and, count, eq } from 'drizzle-orm'
import { createAppFixture, memberCodeOf, openNewCard, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { auditLog, couponTemplates, memberCoupons, members } from '../../db/schema'
import { DEMO_OPENIDS } from '../index'

let app: AppFixture
const manager = DEMO_OPENIDS.manager
let seq = 0
const rid = (label = 'r') => `${label}-${++seq}-${Math.random().toString(36).slice(2, 8)}`
/** A wall-clock time in the store's zone (Asia/Shanghai, UTC+8) as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`)

beforeAll(async () => {
  app = await createAppFixture()
})
afterAll(async () => app?.close())
beforeEach(() => app.clock.set(sh('2025-06-15T10:00:00')))

const baseTemplate = {
  name: '测试满减',
  kind: 'amount_off',
  thresholdFen: 10_000,
  amountOffFen: 1_000,
  validity: { kind: 'days', days: 7 } as Record<string, unknown>,
  totalQuantity: null as number | null,
  perMemberLimit: 1,
  minTierCode: null as string | null,
  channel: 'claim',
}
type TemplateInput = typeof baseTemplate & Record<string, unknown>

async function createTemplate(overrides: Partial<TemplateInput> = {}): Promise<{ id: string } & Record<string, any>> {
  const { template } = await app.ok('createCouponTemplate', { requestId: rid('tpl'), template: { ...baseTemplate, ...overrides } }, manager)
  return template
}
const claim = (templateId: string, as: string, requestId = rid('claim')) => app.call('claimCoupon', { templateId, requestId }, as)
const wallet = (as: string, tab: 'usable' | 'used' | 'expired' = 'usable', extra: Record<string, unknown> = {}) =>
  app.ok('listMyCoupons', { tab, ...extra }, as)

async function templateRow(id: string) {
  const [row] = await app.db.select().from(couponTemplates).where(eq(couponTemplates.id, Number(id)))
  return row
}
async function couponTables() {
  const n = async (t: typeof couponTemplates | typeof memberCoupons | typeof auditLog) => (await app.db.select({ n: count() }).from(t))[0].n
  return { templates: await n(couponTemplates), coupons: await n(memberCoupons), audit: await n(auditLog) }
}
async function rowsOf(templateId: string) {
  return app.db.select().from(memberCoupons).where(eq(memberCoupons.templateId, Number(templateId)))
}
let memberNo = 0
const newMember = async () => (await openNewCard(app, `wx-coupon-m${++memberNo}`)).openid

describe('the console: coupon templates', () => {
  it('stores fixed windows as whole store-zone days and shows the same dates back; audited without personal data', async () => {
    const t = await createTemplate({ validity: { kind: 'fixed', from: '2025-07-01', to: '2025-07-31' }, claimFrom: '2025-06-20', claimTo: '2025-07-10' })
    expect(t).toMatchObject({ validity: { kind: 'fixed', from: '2025-07-01', to: '2025-07-31', days: null }, claimFrom: '2025-06-20', claimTo: '2025-07-10' })
    expect(t).toMatchObject({ claimedCount: 0, usedCount: 0, status: 'active' })
    const row = await templateRow(t.id)
    expect(row.validFrom?.toISOString()).toBe('2025-06-30T16:00:00.000Z')
    expect(row.validTo?.toISOString()).toBe('2025-07-31T15:59:59.999Z')
    expect(row.claimStartsAt?.toISOString()).toBe('2025-06-19T16:00:00.000Z')
    expect(row.claimEndsAt?.toISOString()).toBe('2025-07-10T15:59:59.999Z')
    const [audit] = await app.db.select().from(auditLog).where(eq(auditLog.action, 'coupon_template.create')).orderBy(auditLog.id)
    expect(audit.memberId).toBeNull()
    const listed = await app.ok('listCouponTemplates', {}, manager)
    expect(listed.templates.map((x: { id: string }) => x.id)).toContain(t.id)
  })

  it('creates one template for a retried save', async () => {
    const requestId = rid('same-save')
    const first = await app.ok('createCouponTemplate', { requestId, template: baseTemplate }, manager)
    const before = await couponTables()
    const again = await app.ok('createCouponTemplate', { requestId, template: baseTemplate }, manager)
    expect(again).toEqual({ template: first.template, repeated: true })
    expect(await couponTables()).toEqual(before)
  })

  it('refuses bad input with a typed code and writes nothing', async () => {
    const t = await createTemplate()
    const before = await couponTables()
    const bad = [
      app.call('createCouponTemplate', { requestId: rid(), template: { ...baseTemplate, kind: 'percent_off', amountOffFen: undefined } }, manager),
      app.call('createCouponTemplate', { requestId: rid(), template: { ...baseTemplate, validity: { kind: 'fixed', from: '2025-07-02', to: '2025-07-01' } } }, manager),
      app.call('updateCouponTemplate', { id: t.id, template: { ...baseTemplate, perMemberLimit: 0 } }, manager),
      app.call('setCouponTemplateStatus', { id: t.id, status: 'paused' }, manager),
      app.call('claimCoupon', { templateId: 'abc', requestId: rid() }, DEMO_OPENIDS.member),
      app.call('listMyCoupons', { tab: 'usable', cursor: 'not-a-cursor' }, DEMO_OPENIDS.member),
    ]
    for (const result of await Promise.all(bad)) expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await app.call('updateCouponTemplate', { id: '999999999', template: baseTemplate }, manager)).toMatchObject({
      ok: false,
      error: { code: 'COUPON_TEMPLATE_NOT_FOUND' },
    })
    expect(await claim('999999999', DEMO_OPENIDS.member)).toMatchObject({ ok: false, error: { code: 'COUPON_TEMPLATE_NOT_FOUND' } })
    expect(await app.call('getMyCoupon', { id: '9999999999999999999' }, DEMO_OPENIDS.member)).toMatchObject({ ok: false, error: { code: 'COUPON_NOT_FOUND' } })
    expect(await couponTables()).toEqual(before)
  })

  it('keeps claimed and used counts through an edit, and refuses a total below what is claimed', async () => {
    const t = await createTemplate({ totalQuantity: 10 })
    const [a, b] = [await newMember(), await newMember()]
    expect(await claim(t.id, a)).toMatchObject({ ok: true })
    expect(await claim(t.id, b)).toMatchObject({ ok: true })
    await app.db.update(couponTemplates).set({ usedCount: 1 }).where(eq(couponTemplates.id, Number(t.id)))

    const edited = await app.ok('updateCouponTemplate', { id: t.id, template: { ...baseTemplate, name: '改名后', totalQuantity: 5 } }, manager)
    expect(edited.template).toMatchObject({ name: '改名后', totalQuantity: 5, claimedCount: 2, usedCount: 1 })

    const before = await couponTables()
    expect(await app.call('updateCouponTemplate', { id: t.id, template: { ...baseTemplate, totalQuantity: 1 } }, manager)).toMatchObject({
      ok: false,
      error: { code: 'COUPON_TOTAL_BELOW_CLAIMED', message: '发放总量不能少于已领取数量' },
    })
    expect(await couponTables()).toEqual(before)
    expect(await templateRow(t.id)).toMatchObject({ name: '改名后', totalQuantity: 5, claimedCount: 2 })
    // Exactly what is claimed is allowed (and then sold out); unlimited is allowed.
    expect((await app.ok('updateCouponTemplate', { id: t.id, template: { ...baseTemplate, totalQuantity: 2 } }, manager)).template).toMatchObject({ totalQuantity: 2, claimedCount: 2 })
    expect(await claim(t.id, await newMember())).toMatchObject({ ok: false, error: { code: 'COUPON_SOLD_OUT' } })
    expect((await app.ok('updateCouponTemplate', { id: t.id, template: { ...baseTemplate, totalQuantity: null } }, manager)).template).toMatchObject({ totalQuantity: null, claimedCount: 2 })
  })

  it('a coupon keeps the terms it was issued with after the template is edited', async () => {
    const t = await createTemplate({ name: '原券', thresholdFen: 20_000, amountOffFen: 3_000 })
    const a = await newMember()
    const first = (await claim(t.id, a)).ok && (await wallet(a)).coupons[0]
    await app.ok('updateCouponTemplate', { id: t.id, template: { ...baseTemplate, name: '新券', thresholdFen: 5_000, amountOffFen: 500, perMemberLimit: 2 } }, manager)
    const { coupon } = await app.ok('getMyCoupon', { id: first.id }, a)
    expect(coupon).toMatchObject({ name: '原券', thresholdFen: 20_000, amountOffFen: 3_000 })
    expect(await claim(t.id, a)).toMatchObject({ ok: true, data: { coupon: { name: '新券', thresholdFen: 5_000, amountOffFen: 500 } } })
  })

  it('stopping stops new claims and leaves held coupons usable; resuming opens claims again', async () => {
    const t = await createTemplate({ perMemberLimit: 3 })
    const a = await newMember()
    expect(await claim(t.id, a)).toMatchObject({ ok: true })
    await app.ok('setCouponTemplateStatus', { id: t.id, status: 'stopped' }, manager)
    const before = await couponTables()
    expect(await claim(t.id, a)).toMatchObject({ ok: false, error: { code: 'COUPON_STOPPED' } })
    expect(await couponTables()).toEqual(before)
    const held = await wallet(a)
    expect(held.coupons).toEqual([expect.objectContaining({ name: '测试满减', state: 'usable', reason: null })])
    const centre = await app.ok('listClaimableCoupons', {}, a)
    expect(centre.coupons.map((c: { templateId: string }) => c.templateId)).not.toContain(t.id)
    await app.ok('setCouponTemplateStatus', { id: t.id, status: 'active' }, manager)
    expect(await claim(t.id, a)).toMatchObject({ ok: true })
    expect(await templateRow(t.id)).toMatchObject({ claimedCount: 2 })
  })
})

describe('claiming a coupon', () => {
  it('returns the same coupon for a retry with the same requestId, taking one from the stock', async () => {
    const t = await createTemplate({ totalQuantity: 5 })
    const a = await newMember()
    const requestId = rid('tap')
    const first = await app.ok('claimCoupon', { templateId: t.id, requestId }, a)
    expect(first).toMatchObject({ repeated: false, coupon: { name: '测试满减', state: 'usable', channel: 'claim' } })
    expect(first.coupon.code).toBeUndefined()
    const again = await app.ok('claimCoupon', { templateId: t.id, requestId }, a)
    expect(again).toEqual({ coupon: first.coupon, repeated: true })
    expect(await templateRow(t.id)).toMatchObject({ claimedCount: 1 })
    expect(await rowsOf(t.id)).toHaveLength(1)
    // Another tap (a new requestId) is over the limit of one; the first tap's retry still gets its coupon.
    expect(await claim(t.id, a)).toMatchObject({ ok: false, error: { code: 'COUPON_LIMIT_REACHED' } })
    expect(await app.ok('claimCoupon', { templateId: t.id, requestId }, a)).toMatchObject({ repeated: true })
  })

  it('gives the last coupon to one member and tells the next it is sold out', async () => {
    const t = await createTemplate({ totalQuantity: 1 })
    expect(await claim(t.id, await newMember())).toMatchObject({ ok: true })
    expect(await claim(t.id, await newMember())).toMatchObject({ ok: false, error: { code: 'COUPON_SOLD_OUT', message: '优惠券已抢光' } })
    expect(await templateRow(t.id)).toMatchObject({ claimedCount: 1 })
  })

  it('opens claims at 00:00:00 on the first day and closes them after 23:59:59 on the last, store time', async () => {
    const t = await createTemplate({ perMemberLimit: 10, claimFrom: '2025-06-20', claimTo: '2025-06-22' })
    const a = await newMember()
    app.clock.set(sh('2025-06-19T23:59:59'))
    expect(await claim(t.id, a)).toMatchObject({ ok: false, error: { code: 'COUPON_CLAIM_NOT_STARTED' } })
    const centre = await app.ok('listClaimableCoupons', {}, a)
    expect(centre.coupons.find((c: { templateId: string }) => c.templateId === t.id)).toMatchObject({ state: 'not_started', reason: '6月20日 00:00 开抢' })
    app.clock.set(sh('2025-06-20T00:00:00'))
    expect(await claim(t.id, a)).toMatchObject({ ok: true })
    app.clock.set(sh('2025-06-22T23:59:59'))
    expect(await claim(t.id, a)).toMatchObject({ ok: true })
    app.clock.set(sh('2025-06-23T00:00:00'))
    expect(await claim(t.id, a)).toMatchObject({ ok: false, error: { code: 'COUPON_CLAIM_ENDED' } })
    const after = await app.ok('listClaimableCoupons', {}, a)
    expect(after.coupons.map((c: { templateId: string }) => c.templateId)).not.toContain(t.id)
    expect(await rowsOf(t.id)).toHaveLength(2)
  })

  it('refuses a fixed-window coupon once its use window has ended', async () => {
    const t = await createTemplate({ perMemberLimit: 5, validity: { kind: 'fixed', from: '2025-06-01', to: '2025-06-30' } })
    const a = await newMember()
    app.clock.set(sh('2025-06-30T23:59:59'))
    expect(await claim(t.id, a)).toMatchObject({ ok: true, data: { coupon: { validTo: '2025-06-30T15:59:59.999Z' } } })
    app.clock.set(sh('2025-07-01T00:00:00'))
    expect(await claim(t.id, a)).toMatchObject({ ok: false, error: { code: 'COUPON_CLAIM_ENDED' } })
  })

  it('keeps a tier-only coupon from lower tiers, in the claim centre and at the claim', async () => {
    const t = await createTemplate({ name: '金卡券', minTierCode: 'gold' })
    const a = await newMember()
    const centre = await app.ok('listClaimableCoupons', {}, a)
    expect(centre.coupons.find((c: { templateId: string }) => c.templateId === t.id)).toMatchObject({
      state: 'tier_locked',
      reason: '仅限金卡及以上',
      minTier: { code: 'gold' },
    })
    expect(await claim(t.id, a)).toMatchObject({ ok: false, error: { code: 'COUPON_TIER_LOCKED', message: '该券仅限金卡及以上' } })
    await app.db.update(members).set({ tierCode: 'gold' }).where(eq(members.openid, a))
    expect(await claim(t.id, a)).toMatchObject({ ok: true, data: { coupon: { state: 'usable' } } })
  })

  it('refuses templates that are not claimable in the claim centre', async () => {
    const grant = await createTemplate({ channel: 'grant' })
    expect(await claim(grant.id, await newMember())).toMatchObject({ ok: false, error: { code: 'COUPON_NOT_CLAIMABLE' } })
    expect(await rowsOf(grant.id)).toHaveLength(0)
  })

  it('shows the claim centre with each state and the remaining stock', async () => {
    const { coupons } = await app.ok('listClaimableCoupons', {}, DEMO_OPENIDS.member)
    const byName = (name: string) => coupons.find((c: { name: string }) => c.name === name)
    expect(byName('满200减30')).toMatchObject({ state: 'claimed', reason: '已领取', claimedByMe: 1, totalQuantity: 500, remaining: 499 })
    expect(byName('8.8折券')).toMatchObject({ state: 'claimable', reason: null, claimedByMe: 1, perMemberLimit: 2, remaining: null, discountPct: 88, maxDiscountFen: 5_000 })
    expect(byName('限量 免费可颂')).toMatchObject({ state: 'sold_out', reason: '已抢光', remaining: 0 })
    expect(byName('周年庆 满150减25')).toMatchObject({ state: 'not_started' })
    expect(byName('金卡专享 满100减20')).toMatchObject({ state: 'tier_locked', reason: '仅限金卡及以上' })
    // Grant and birthday templates are never in the claim centre.
    expect(byName('店长赠券 ¥10')).toBeUndefined()
    expect(byName('生日礼 免费蛋糕')).toBeUndefined()
  })
})

describe('the wallet', () => {
  it('lets no member see or show another member’s coupons', async () => {
    const t = await createTemplate()
    const [a, b] = [await newMember(), await newMember()]
    const mine = await app.ok('claimCoupon', { templateId: t.id, requestId: rid() }, a)
    expect(await app.call('getMyCoupon', { id: mine.coupon.id }, b)).toMatchObject({ ok: false, error: { code: 'COUPON_NOT_FOUND' } })
    for (const tab of ['usable', 'used', 'expired'] as const) expect((await wallet(b, tab)).coupons).toEqual([])
    expect((await wallet(b)).counts).toEqual({ usable: 0, used: 0, expired: 0 })
    // The owner sees it, with the one-time code only in the detail.
    const shown = await app.ok('getMyCoupon', { id: mine.coupon.id }, a)
    expect(shown.coupon.code).toMatch(/^C1\d{20}$/)
    expect((await wallet(a)).coupons[0].code).toBeUndefined()
  })

  it('ends an "N days from claim" coupon at 23:59:59 store time on the last day', async () => {
    const t = await createTemplate({ validity: { kind: 'days', days: 3 } })
    const a = await newMember()
    app.clock.set(sh('2025-06-15T23:30:00'))
    const { coupon } = await app.ok('claimCoupon', { templateId: t.id, requestId: rid() }, a)
    expect(coupon.validTo).toBe(sh('2025-06-17T23:59:59.999').toISOString())
    app.clock.set(sh('2025-06-17T23:59:59'))
    expect(await wallet(a)).toMatchObject({ coupons: [{ id: coupon.id, state: 'usable' }], counts: { usable: 1, expired: 0 } })
    expect((await app.ok('getMyCard', {}, a)).card.usableCouponCount).toBe(1)
    app.clock.set(sh('2025-06-18T00:00:00'))
    expect(await wallet(a)).toMatchObject({ coupons: [], counts: { usable: 0, expired: 1 } })
    expect((await wallet(a, 'expired')).coupons).toEqual([expect.objectContaining({ id: coupon.id, state: 'expired', reason: '已于 06-17 过期' })])
    expect((await app.ok('getMyCard', {}, a)).card.usableCouponCount).toBe(0)
  })

  it('starts a fixed window at 00:00:00 on its first day, store time: 明天起可用 until then', async () => {
    const t = await createTemplate({ validity: { kind: 'fixed', from: '2025-06-20', to: '2025-06-30' } })
    const a = await newMember()
    const { coupon } = await app.ok('claimCoupon', { templateId: t.id, requestId: rid() }, a)
    expect(coupon).toMatchObject({ state: 'not_yet', reason: '6月20日起可用' })
    app.clock.set(sh('2025-06-19T23:59:59'))
    expect((await wallet(a)).coupons).toEqual([expect.objectContaining({ state: 'not_yet', reason: '明天起可用' })])
    expect((await app.ok('getMyCard', {}, a)).card.usableCouponCount).toBe(0)
    app.clock.set(sh('2025-06-20T00:00:00'))
    expect((await wallet(a)).coupons).toEqual([expect.objectContaining({ state: 'usable', reason: null })])
    expect((await app.ok('getMyCard', {}, a)).card.usableCouponCount).toBe(1)
  })

  it('shows the demo member’s tabs in order, with the reasons, and pages through them', async () => {
    const usable = await wallet(DEMO_OPENIDS.member)
    expect(usable.counts).toEqual({ usable: 4, used: 1, expired: 1 })
    const ends = usable.coupons.map((c: { validTo: string }) => c.validTo)
    expect(ends).toEqual([...ends].sort())
    expect(usable.coupons.find((c: { name: string }) => c.name === '周末特惠 满100减15')).toMatchObject({ state: 'not_yet', reason: '明天起可用' })
    expect(usable.coupons.find((c: { name: string }) => c.name === '拿铁兑换券')).toMatchObject({ state: 'usable', reason: null, giftName: '拿铁一杯' })
    expect((await wallet(DEMO_OPENIDS.member, 'used')).coupons).toEqual([expect.objectContaining({ name: '新客立减 ¥5', state: 'used', reason: expect.stringMatching(/^已于 \d\d-\d\d \d\d:\d\d 核销$/) })])
    expect((await wallet(DEMO_OPENIDS.member, 'expired')).coupons).toEqual([expect.objectContaining({ name: '新客立减 ¥5', state: 'expired' })])
    // The card counts coupons usable now (not the one from tomorrow).
    expect((await app.ok('getMyCard', {}, DEMO_OPENIDS.member)).card.usableCouponCount).toBe(3)

    const seen: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 10; page++) {
      const result = await wallet(DEMO_OPENIDS.member, 'usable', { limit: 1, ...(cursor ? { cursor } : {}) })
      seen.push(...result.coupons.map((c: { id: string }) => c.id))
      if (!result.nextCursor) break
      cursor = result.nextCursor
    }
    expect(seen).toEqual(usable.coupons.map((c: { id: string }) => c.id))
  })

  it('orders expired coupons by end, most recent first', async () => {
    const a = await newMember()
    const short = await createTemplate({ name: '短券', validity: { kind: 'days', days: 1 } })
    const long = await createTemplate({ name: '长券', validity: { kind: 'days', days: 5 } })
    await app.ok('claimCoupon', { templateId: short.id, requestId: rid() }, a)
    await app.ok('claimCoupon', { templateId: long.id, requestId: rid() }, a)
    expect((await wallet(a)).coupons.map((c: { name: string }) => c.name)).toEqual(['短券', '长券'])
    app.clock.set(sh('2025-07-01T00:00:00'))
    expect((await wallet(a, 'expired')).coupons.map((c: { name: string }) => c.name)).toEqual(['长券', '短券'])
  })
})

describe('a manager granting a coupon at the till', () => {
  async function ticketFor(openid: string, as: string = manager): Promise<string> {
    return (await app.ok('staffLookupMember', { memberCode: await memberCodeOf(app, openid) }, as)).ticket
  }

  it('issues a grant template’s coupon once per request, audited without personal data', async () => {
    const t = await createTemplate({ name: '致歉券', channel: 'grant', perMemberLimit: 2 })
    const a = await newMember()
    const ticket = await ticketFor(a)
    const requestId = rid('grant')
    const first = await app.ok('staffGrantCoupon', { ticket, templateId: t.id, requestId }, manager)
    expect(first).toMatchObject({ repeated: false, coupon: { name: '致歉券', state: 'usable', birthday: false } })
    expect(await app.ok('staffGrantCoupon', { ticket, templateId: t.id, requestId }, manager)).toEqual({ ...first, repeated: true })
    expect(await rowsOf(t.id)).toHaveLength(1)
    const audits = await app.db.select().from(auditLog).where(eq(auditLog.action, 'coupon.grant'))
    expect(audits).toHaveLength(1)
    expect(JSON.stringify(audits[0].detail)).not.toMatch(/1\d{10}|openid/)
    expect((await wallet(a)).coupons).toEqual([expect.objectContaining({ name: '致歉券', channel: 'grant' })])
  })

  it('refuses templates of other channels, and a ticket issued to another clerk', async () => {
    const claimable = await createTemplate()
    const a = await newMember()
    expect(await app.call('staffGrantCoupon', { ticket: await ticketFor(a), templateId: claimable.id, requestId: rid() }, manager)).toMatchObject({
      ok: false,
      error: { code: 'COUPON_NOT_CLAIMABLE' },
    })
    const grant = await createTemplate({ channel: 'grant' })
    const clerksTicket = await ticketFor(a, DEMO_OPENIDS.clerk)
    expect(await app.call('staffGrantCoupon', { ticket: clerksTicket, templateId: grant.id, requestId: rid() }, manager)).toMatchObject({ ok: false })
    expect(await app.db.select().from(memberCoupons).where(and(eq(memberCoupons.templateId, Number(grant.id))))).toHaveLength(0)
  })
})
