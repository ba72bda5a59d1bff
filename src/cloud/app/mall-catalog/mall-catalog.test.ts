import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, count, eq, isNull } from 'drizzle-orm'
import { createAppFixture, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { MALL_IMAGE_MAX_BYTES } from '../../../contract'
import { auditLog, couponTemplates, mallItems, mallRedemptions, members, staff, staffNotices, stores } from '../../db/schema'
import { DEMO_OPENIDS } from '../index'
import { localImageStorage } from '../storage/local-image-storage'

let app: AppFixture
let storeId: number
let imagesDir: string
const manager = DEMO_OPENIDS.manager
const clerk = DEMO_OPENIDS.clerk
let seq = 0
const rid = (label = 'r') => `${label}-${++seq}-${Math.random().toString(36).slice(2, 8)}`
/** A wall-clock time in the store's zone (Asia/Shanghai, UTC+8) as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`)

beforeAll(async () => {
  app = await createAppFixture()
  imagesDir = mkdtempSync(join(tmpdir(), 'mall-images-'))
  app.deps.images = localImageStorage(imagesDir)
  ;[{ storeId }] = await app.db.select({ storeId: stores.id }).from(stores)
})
afterAll(async () => app?.close())
beforeEach(() => app.clock.set(sh('2025-06-15T10:00:00')))

const gift = { kind: 'gift', name: '测试帆布袋', pointsPrice: 800, stockTotal: 10, perMemberLimit: 2, minTierCode: null } as Record<string, unknown>
async function createItem(overrides: Record<string, unknown> = {}) {
  return (await app.ok('createMallItem', { requestId: rid('item'), item: { ...gift, ...overrides } }, manager)).item
}
const itemRow = async (id: string) => (await app.db.select().from(mallItems).where(eq(mallItems.id, Number(id))))[0]
async function mallTables() {
  const n = async (t: typeof mallItems | typeof auditLog | typeof couponTemplates) => (await app.db.select({ n: count() }).from(t))[0].n
  return { items: await n(mallItems), audit: await n(auditLog), templates: await n(couponTemplates) }
}
/** Redeemed units as a redemption would leave them (H1's redeem is not on this branch): straight through SQL. */
const setRedeemed = (id: string, redeemed: number) => app.db.update(mallItems).set({ redeemedCount: redeemed }).where(eq(mallItems.id, Number(id)))
async function mallTemplate(status: 'active' | 'stopped' = 'active', channel = 'mall'): Promise<string> {
  const [row] = await app.db
    .insert(couponTemplates)
    .values({ storeId, name: '满50减10', kind: 'amount_off', thresholdFen: 5000, amountOffFen: 1000, validityKind: 'days', validDays: 30, perMemberLimit: 5, channel, status, createRequestId: rid('tpl') })
    .returning({ id: couponTemplates.id })
  return String(row.id)
}

describe('the console: mall items', () => {
  it('stores windows as whole store-zone days (redeem_until inclusive, 23:59:59.999) and shows the same dates back; audited', async () => {
    const item = await createItem({ visibleFrom: '2025-06-20', redeemFrom: '2025-07-01', redeemUntil: '2025-07-31', minTierCode: 'gold' })
    expect(item).toMatchObject({ visibleFrom: '2025-06-20', redeemFrom: '2025-07-01', redeemUntil: '2025-07-31', status: 'on_sale', stockLeft: 10, redeemedCount: 0, heldCount: 0 })
    expect(item.minTier).toMatchObject({ code: 'gold' })
    const row = await itemRow(item.id)
    expect(row.visibleFrom?.toISOString()).toBe('2025-06-19T16:00:00.000Z')
    expect(row.redeemFrom?.toISOString()).toBe('2025-06-30T16:00:00.000Z')
    expect(row.redeemUntil?.toISOString()).toBe('2025-07-31T15:59:59.999Z')
    const [audit] = await app.db.select().from(auditLog).where(eq(auditLog.action, 'mall_item.create'))
    expect(audit.memberId).toBeNull()
    const listed = await app.ok('listMallItemsAdmin', {}, manager)
    expect(listed.items.map((x: { id: string }) => x.id)).toContain(item.id)
  })

  it('creates one item for a retried save', async () => {
    const requestId = rid('same-save')
    const first = await app.ok('createMallItem', { requestId, item: gift }, manager)
    const before = await mallTables()
    const again = await app.ok('createMallItem', { requestId, item: gift }, manager)
    expect(again).toEqual({ item: first.item, repeated: true })
    expect(await mallTables()).toEqual(before)
  })

  it('refuses a clerk every console operation', async () => {
    const item = await createItem()
    const calls: Array<[string, unknown]> = [
      ['listMallItemsAdmin', {}],
      ['createMallItem', { requestId: rid(), item: gift }],
      ['updateMallItem', { itemId: item.id, item: gift }],
      ['setMallItemStatus', { itemId: item.id, status: 'stopped' }],
      ['listMallRedemptions', {}],
      ['uploadMallImage', { contentType: 'image/png', dataBase64: PNG.toString('base64') }],
      ['listStaffNotices', {}],
      ['markStaffNoticesRead', {}],
    ]
    const before = await mallTables()
    // A picture that would be refused anyway is still FORBIDDEN: access is decided first.
    calls.push(['uploadMallImage', { contentType: 'image/jpeg', dataBase64: PNG.toString('base64') }])
    for (const [name, input] of calls) expect(await app.call(name, input, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await mallTables()).toEqual(before)
    expect(readdirSync(imagesDir)).toEqual([])
    expect((await itemRow(item.id)).status).toBe('on_sale')
  })

  it('refuses bad input with a typed code and writes nothing', async () => {
    const item = await createItem()
    const before = await mallTables()
    const bad = await Promise.all([
      app.call('createMallItem', { requestId: rid(), item: { ...gift, pointsPrice: 0 } }, manager),
      app.call('createMallItem', { requestId: rid(), item: { ...gift, redeemFrom: '2025-07-02', redeemUntil: '2025-07-01' } }, manager),
      app.call('createMallItem', { requestId: rid(), item: { ...gift, kind: 'coupon' } }, manager),
      app.call('createMallItem', { requestId: rid(), item: { ...gift, perMemberLimit: 1, maxPerRedemption: 2 } }, manager),
      app.call('updateMallItem', { itemId: item.id, item: { ...gift, stockTotal: -1 } }, manager),
      app.call('setMallItemStatus', { itemId: item.id, status: 'paused' }, manager),
      app.call('listMallRedemptions', { cursor: 'abc' }, manager),
    ])
    for (const result of bad) expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await mallTables()).toEqual(before)
  })

  it("delivers only an active 'mall' template's coupon (MALL_ITEM_INVALID else), on create and on update", async () => {
    const claimTemplate = await mallTemplate('active', 'claim')
    const stopped = await mallTemplate('stopped')
    const item = await createItem()
    const before = await mallTables()
    for (const couponTemplateId of [claimTemplate, stopped, '999999999']) {
      const coupon = { ...gift, kind: 'coupon', couponTemplateId }
      expect(await app.call('createMallItem', { requestId: rid(), item: coupon }, manager)).toMatchObject({ ok: false, error: { code: 'MALL_ITEM_INVALID' } })
      expect(await app.call('updateMallItem', { itemId: item.id, item: coupon }, manager)).toMatchObject({ ok: false, error: { code: 'MALL_ITEM_INVALID' } })
    }
    expect(await mallTables()).toEqual(before)
    expect((await itemRow(item.id)).kind).toBe('gift')

    const good = await createItem({ kind: 'coupon', couponTemplateId: await mallTemplate() })
    expect(good).toMatchObject({ kind: 'coupon', couponTemplateName: '满50减10' })
  })

  it('raising the stock during sales adds exactly the difference and never touches what was redeemed', async () => {
    const item = await createItem({ stockTotal: 10 })
    await setRedeemed(item.id, 7)
    const { item: raised } = await app.ok('updateMallItem', { itemId: item.id, item: { ...gift, stockTotal: 15 } }, manager)
    expect(raised).toMatchObject({ stockTotal: 15, redeemedCount: 7, stockLeft: 8 })
    // More redeemed meanwhile (after the manager's form was loaded): his edit still leaves those redeemed alone.
    await setRedeemed(item.id, 9)
    const { item: lowered } = await app.ok('updateMallItem', { itemId: item.id, item: { ...gift, name: '改名帆布袋', stockTotal: 9 } }, manager)
    expect(lowered).toMatchObject({ name: '改名帆布袋', stockTotal: 9, redeemedCount: 9, stockLeft: 0, lowStock: true })
  })

  it('refuses a stock below what is redeemed (MALL_STOCK_BELOW_REDEEMED) and changes nothing', async () => {
    const item = await createItem({ stockTotal: 10 })
    await setRedeemed(item.id, 6)
    const before = await itemRow(item.id)
    const refused = await app.call('updateMallItem', { itemId: item.id, item: { ...gift, name: '不应保存', stockTotal: 5 } }, manager)
    expect(refused).toMatchObject({ ok: false, error: { code: 'MALL_STOCK_BELOW_REDEEMED', fields: { 'item.stockTotal': expect.any(String) } } })
    expect(await itemRow(item.id)).toEqual(before)
    expect(await app.call('updateMallItem', { itemId: '999999999', item: gift }, manager)).toMatchObject({ ok: false, error: { code: 'MALL_ITEM_NOT_FOUND' } })
  })

  it('flags low stock at the store threshold (mallLowStockAt, 5 by default)', async () => {
    const item = await createItem({ stockTotal: 11 })
    await setRedeemed(item.id, 5)
    expect((await app.ok('listMallItemsAdmin', {}, manager)).items.find((x: { id: string }) => x.id === item.id)).toMatchObject({ stockLeft: 6, lowStock: false })
    await setRedeemed(item.id, 6)
    expect((await app.ok('listMallItemsAdmin', {}, manager)).items.find((x: { id: string }) => x.id === item.id)).toMatchObject({ stockLeft: 5, lowStock: true })
  })

  it('stops and resumes sale, audited; an unknown item is MALL_ITEM_NOT_FOUND', async () => {
    const item = await createItem()
    expect((await app.ok('setMallItemStatus', { itemId: item.id, status: 'stopped' }, manager)).item.status).toBe('stopped')
    expect((await itemRow(item.id)).status).toBe('stopped')
    expect((await app.ok('setMallItemStatus', { itemId: item.id, status: 'on_sale' }, manager)).item.status).toBe('on_sale')
    const actions = await app.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.action, 'mall_item.stop'))
    expect(actions.length).toBeGreaterThan(0)
    expect(await app.call('setMallItemStatus', { itemId: '999999999', status: 'stopped' }, manager)).toMatchObject({ ok: false, error: { code: 'MALL_ITEM_NOT_FOUND' } })
  })
})

describe('the demo mall', () => {
  it('seeds gifts (one low on stock, one 金卡 only, one opening on the 1st of next month) and a mall coupon item', async () => {
    const { items } = await app.ok('listMallItemsAdmin', {}, manager)
    const named = (name: string) => items.find((i: { name: string }) => i.name === name)
    expect(named('拾光帆布袋')).toMatchObject({ kind: 'gift', pointsPrice: 800 })
    expect(named('拾光马克杯')).toMatchObject({ pointsPrice: 1500, stockLeft: 3, lowStock: true })
    expect(named('金卡专享礼盒').minTier).toMatchObject({ code: 'gold' })
    expect(named('挂耳咖啡（10 包）').redeemFrom).toMatch(/^\d{4}-\d{2}-01$/)
    expect(named('满50减10券')).toMatchObject({ kind: 'coupon', pointsPrice: 300, couponTemplateName: '满50减10（积分兑换）' })
  })
})

describe('the console: 兑换记录', () => {
  it('pages newest first by id, filters by state and item, masks the member and names who handed the gift out', async () => {
    const item = await createItem({ name: '记录测试礼品' })
    const [member] = await app.db.select().from(members).where(eq(members.openid, DEMO_OPENIDS.member))
    const [clerkRow] = await app.db.select().from(staff).where(eq(staff.openid, clerk))
    const base = { storeId, memberId: member.id, itemId: Number(item.id), kind: 'gift', itemName: '记录测试礼品', quantity: 1, points: 800, periodKey: 'total', pickupExpiresAt: sh('2025-06-29T23:59:59') }
    const at = (h: number) => sh(`2025-06-15T0${h}:00:00`)
    await app.db.insert(mallRedemptions).values([
      { ...base, requestKey: rid(), status: 'held', pickupCode: `P1${rid()}`, createdAt: at(1) },
      { ...base, requestKey: rid(), status: 'picked_up', pickupCode: `P1${rid()}`, pickedUpAt: at(3), pickedUpByStaffId: clerkRow.id, createdAt: at(2) },
      { ...base, requestKey: rid(), status: 'expired', pickupCode: `P1${rid()}`, closedAt: at(4), closeReason: '逾期未领', pointsReturned: 800, createdAt: at(3) },
    ])
    const first = await app.ok('listMallRedemptions', { itemId: item.id, limit: 2 }, manager)
    expect(first.redemptions.map((r: { status: string }) => r.status)).toEqual(['expired', 'picked_up'])
    expect(first.nextCursor).not.toBeNull()
    const second = await app.ok('listMallRedemptions', { itemId: item.id, limit: 2, cursor: first.nextCursor }, manager)
    expect(second).toMatchObject({ redemptions: [{ status: 'held' }], nextCursor: null })

    const picked = first.redemptions[1]
    expect(picked).toMatchObject({ member: { memberNo: member.memberNo, nickname: '小林', phoneMasked: '138****5678' }, pickedUp: { staffName: '店员小王' } })
    expect(JSON.stringify([first, second])).not.toContain('13812345678')
    expect(first.redemptions[0]).toMatchObject({ closeReason: '逾期未领', pointsReturned: 800, pickedUp: null })

    const held = await app.ok('listMallRedemptions', { itemId: item.id, status: 'held' }, manager)
    expect(held.redemptions).toHaveLength(1)
    expect((await app.ok('listMallItemsAdmin', {}, manager)).items.find((x: { id: string }) => x.id === item.id).heldCount).toBe(1)
  })
})

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3])
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 9, 9])

describe('the console: pictures', () => {
  it('stores a picture under a content-addressed key (the same bytes, the same key) and answers its URL', async () => {
    const first = await app.ok('uploadMallImage', { contentType: 'image/png', dataBase64: PNG.toString('base64') }, manager)
    expect(first.imageKey).toMatch(/^mall\/[0-9a-f]{64}\.png$/)
    expect(first.imageUrl).toBe(`/files/${first.imageKey}`)
    expect(readFileSync(join(imagesDir, first.imageKey))).toEqual(PNG)
    expect(await app.ok('uploadMallImage', { contentType: 'image/png', dataBase64: PNG.toString('base64') }, manager)).toEqual(first)
    const item = await createItem({ imageKey: first.imageKey })
    expect(item).toMatchObject({ imageKey: first.imageKey, imageUrl: first.imageUrl })
  })

  it('refuses bytes that are not the type claimed (IMAGE_INVALID) and anything over 200 KB (IMAGE_TOO_LARGE), storing nothing', async () => {
    const filesBefore = existsSync(join(imagesDir, 'mall')) ? readdirSync(join(imagesDir, 'mall')).sort() : []
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')
    const big = Buffer.alloc(MALL_IMAGE_MAX_BYTES + 1)
    PNG.copy(big)
    const exact = Buffer.alloc(MALL_IMAGE_MAX_BYTES)
    JPEG.copy(exact)
    expect(await app.call('uploadMallImage', { contentType: 'image/png', dataBase64: JPEG.toString('base64') }, manager)).toMatchObject({ ok: false, error: { code: 'IMAGE_INVALID' } })
    expect(await app.call('uploadMallImage', { contentType: 'image/jpeg', dataBase64: svg.toString('base64') }, manager)).toMatchObject({ ok: false, error: { code: 'IMAGE_INVALID' } })
    expect(await app.call('uploadMallImage', { contentType: 'image/png', dataBase64: big.toString('base64') }, manager)).toMatchObject({ ok: false, error: { code: 'IMAGE_TOO_LARGE' } })
    expect(await app.call('uploadMallImage', { contentType: 'image/gif', dataBase64: PNG.toString('base64') }, manager)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const afterRefusals = existsSync(join(imagesDir, 'mall')) ? readdirSync(join(imagesDir, 'mall')).sort() : []
    expect(afterRefusals).toEqual(filesBefore)
    // Exactly 200 KB is accepted.
    expect(await app.call('uploadMallImage', { contentType: 'image/jpeg', dataBase64: exact.toString('base64') }, manager)).toMatchObject({ ok: true })
  })
})

describe('the console: managers’ notices', () => {
  it('lists newest first with the unread count, and marks them all read once seen', async () => {
    await app.db.insert(staffNotices).values([
      { storeId, kind: 'mall_low_stock', dedupeKey: rid('n'), title: '库存不足', body: '马克杯仅剩 3 件' },
      { storeId, kind: 'mall_low_stock', dedupeKey: rid('n'), title: '库存不足', body: '帆布袋仅剩 2 件' },
    ])
    const listed = await app.ok('listStaffNotices', {}, manager)
    expect(listed.unread).toBeGreaterThanOrEqual(2)
    expect(listed.notices[0]).toMatchObject({ body: '帆布袋仅剩 2 件', read: false })
    const { marked } = await app.ok('markStaffNoticesRead', {}, manager)
    expect(marked).toBe(listed.unread)
    const after = await app.ok('listStaffNotices', {}, manager)
    expect(after.unread).toBe(0)
    expect(after.notices[0].read).toBe(true)
    const stillUnread = await app.db.select({ n: count() }).from(staffNotices).where(and(eq(staffNotices.storeId, storeId), isNull(staffNotices.readAt)))
    expect(stillUnread[0].n).toBe(0)
  })
})
