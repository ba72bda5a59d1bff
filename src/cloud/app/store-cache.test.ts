import { eq, sql } from 'drizzle-orm'
import { createAppFixture, memberCodeOf, type AppFixture } from '../../../tests/helpers/app-fixture'
import { members, notificationTemplates, notifications, stores, tiers } from '../db/schema'
import { DEMO_OPENIDS } from './index'
import { StoreCache, STORE_CACHE_MAX_AGE_MS } from './store-cache'
import { STORE_CODE } from './store-context'

let app: AppFixture
beforeAll(async () => {
  app = await createAppFixture()
})
afterAll(async () => app?.close())

const silverDiscount = async () => {
  const code = await memberCodeOf(app, DEMO_OPENIDS.member) // the demo member is silver
  const { member } = await app.ok('staffLookupMember', { memberCode: code }, DEMO_OPENIDS.clerk)
  return member.tier.discountPct as number
}

describe('the store and tiers cache', () => {
  it('sees a tier change made behind its back (another instance, a console) on the very next call', async () => {
    expect(await silverDiscount()).toBe(85) // cached from here on
    await app.db.update(tiers).set({ discountPct: 83 }).where(eq(tiers.code, 'silver'))
    try {
      expect(await silverDiscount()).toBe(83)
    } finally {
      await app.db.update(tiers).set({ discountPct: 85 }).where(eq(tiers.code, 'silver'))
    }
    expect(await silverDiscount()).toBe(85)
  })

  it('credits by a changed earning rate on the next purchase', async () => {
    const code = () => memberCodeOf(app, DEMO_OPENIDS.member)
    const record = async (receiptNo: string) =>
      (await app.ok('staffRecordPurchase', { memberCode: await code(), receiptNo, amountFen: 10_000 }, DEMO_OPENIDS.clerk)).pointsEarned
    expect(await record('CACHE-RATE-1')).toBe(100)
    await app.db.update(stores).set({ pointsPerYuan: 3 })
    try {
      expect(await record('CACHE-RATE-2')).toBe(300)
    } finally {
      await app.db.update(stores).set({ pointsPerYuan: 1 })
    }
    expect(await record('CACHE-RATE-3')).toBe(100)
  })

  it('queues a purchase\'s notification with a template changed behind its back on the very next call', async () => {
    const record = async (receiptNo: string) => {
      await app.ok('staffRecordPurchase', { memberCode: await memberCodeOf(app, DEMO_OPENIDS.member), receiptNo, amountFen: 10_000 }, DEMO_OPENIDS.clerk)
      const [row] = await app.db
        .select({ templateId: notifications.templateId, deliveryStatus: notifications.deliveryStatus })
        .from(notifications)
        .innerJoin(members, eq(members.id, notifications.memberId))
        .where(eq(notifications.dedupeKey, `points_credited:purchase:${receiptNo}`))
      return row
    }
    const [{ id: _id, ...template }] = await app.db.select().from(notificationTemplates)
    expect(await record('CACHE-TPL-1')).toEqual({ templateId: template.templateId, deliveryStatus: 'pending' }) // cached from here on
    await app.db.update(notificationTemplates).set({ templateId: 'tpl-changed-elsewhere' })
    try {
      expect(await record('CACHE-TPL-2')).toEqual({ templateId: 'tpl-changed-elsewhere', deliveryStatus: 'pending' })
      await app.db.delete(notificationTemplates)
      expect(await record('CACHE-TPL-3')).toEqual({ templateId: null, deliveryStatus: 'none' })
    } finally {
      await app.db.delete(notificationTemplates)
      await app.db.insert(notificationTemplates).values(template)
    }
    expect(await record('CACHE-TPL-4')).toEqual({ templateId: template.templateId, deliveryStatus: 'pending' })
  })

  it('bumps stores.config_version on every kind of change to the store, its tiers or its notification templates', async () => {
    const version = async () => (await app.db.select({ v: stores.configVersion }).from(stores).where(eq(stores.code, STORE_CODE)))[0].v
    const seen = [await version()]
    const [store] = await app.db.select().from(stores)
    await app.db.update(stores).set({ name: store.name })
    seen.push(await version())
    await app.db.update(tiers).set({ name: '钻石' }).where(eq(tiers.code, 'diamond'))
    seen.push(await version())
    const [diamond] = await app.db.delete(tiers).where(eq(tiers.code, 'diamond')).returning()
    seen.push(await version())
    await app.db.insert(tiers).values({ storeId: diamond.storeId, code: diamond.code, name: diamond.name, minGrowth: diamond.minGrowth, discountPct: diamond.discountPct })
    seen.push(await version())
    const [{ id: _id, ...template }] = await app.db.update(notificationTemplates).set({ page: 'pages/index/index' }).returning()
    seen.push(await version())
    await app.db.delete(notificationTemplates)
    seen.push(await version())
    await app.db.insert(notificationTemplates).values(template)
    seen.push(await version())
    await app.db.execute(sql`truncate notification_templates`)
    seen.push(await version())
    await app.db.insert(notificationTemplates).values(template)
    expect(new Set(seen).size).toBe(seen.length)
  })

  it(`reloads an entry older than ${STORE_CACHE_MAX_AGE_MS / 1000} s even if the version never moved (injected clock)`, async () => {
    let nowMs = 0
    const cache = new StoreCache(() => nowMs)
    const read = () => app.db.transaction(async (tx) => (await cache.get(tx, STORE_CODE))!.tiers.find((t) => t.code === 'silver')!.discountPct)
    expect(await read()).toBe(85)
    // A change that does not move the version (its triggers switched off): only the age bound can catch it.
    await app.db.transaction(async (tx) => {
      await tx.execute(sql`alter table tiers disable trigger tiers_bump_store_config_version`)
      await tx.update(tiers).set({ discountPct: 81 }).where(eq(tiers.code, 'silver'))
      await tx.execute(sql`alter table tiers enable trigger tiers_bump_store_config_version`)
    })
    try {
      nowMs = STORE_CACHE_MAX_AGE_MS - 1
      expect(await read()).toBe(85) // still the cached entry: proof the cache is used at all
      nowMs = STORE_CACHE_MAX_AGE_MS
      expect(await read()).toBe(81)
    } finally {
      await app.db.update(tiers).set({ discountPct: 85 }).where(eq(tiers.code, 'silver'))
    }
  })
})
