import { and, eq, sql } from 'drizzle-orm'
import { executeRows } from '../../src/cloud/db/db'
import { DEMO_OPENIDS } from '../../src/cloud/app'
import { birthdayGifts, couponTemplates, memberCoupons, members, notifications, pointsLedger, staff, stores } from '../../src/cloud/db/schema'
import { signTillTicket } from '../../src/domain/till-ticket'
import { birthdayGiftsChunk, birthdayGiftsJob } from '../../src/cloud/jobs/birthday-gifts'
import { couponExpiryRemindersChunk } from '../../src/cloud/jobs/coupon-expiry-reminders'
import { runJob } from '../../src/cloud/jobs/run-job'
import { createAppFixture, expectBalancesMatchLedger, openNewCard, type AppFixture } from '../helpers/app-fixture'
import { requirePostgres } from '../helpers/test-db'

// Real PostgreSQL only (npm run test:pg): the once-guard (birthday_gifts' unique member+year) and the template's
// row lock only mean something with real concurrency.
let app: AppFixture
let storeId: number
let templateId: number
const sh = (wall: string) => new Date(`${wall}+08:00`)

beforeAll(async () => {
  requirePostgres()
  app = await createAppFixture({ poolMax: 20 })
  ;[{ id: storeId }] = await app.db.select({ id: stores.id }).from(stores)
  await app.db.update(stores).set({ birthdayPoints: 50 }).where(eq(stores.id, storeId))
  // The seeded birthday template steps aside: these tests issue their own.
  await app.db.update(couponTemplates).set({ status: 'stopped' }).where(eq(couponTemplates.channel, 'birthday'))
  ;[{ id: templateId }] = await app.db
    .insert(couponTemplates)
    .values({ storeId, name: '生日礼券', kind: 'gift', giftName: '生日蛋糕', validityKind: 'days', validDays: 30, channel: 'birthday', createRequestId: 'race-birthday' })
    .returning({ id: couponTemplates.id })
  app.clock.set(sh('2025-08-05T00:05:00'))
  for (let i = 0; i < 40; i++) await openNewCard(app, `wx-bd-race-${i}`)
  await app.db.execute(sql`update members set birth_month = 8 where openid like 'wx-bd-race-%'`)
})
afterAll(async () => app?.close())

async function everyoneOnce(): Promise<void> {
  const august = await app.db.select({ id: members.id }).from(members).where(and(eq(members.birthMonth, 8), eq(members.status, 'active')))
  expect(august.length).toBeGreaterThanOrEqual(40)
  const perMember = await executeRows<{ member_id: string; gifts: string; coupons: string; entries: string; notices: string }>(
    app.db.execute(sql`
      select m.id as member_id,
        (select count(*) from ${birthdayGifts} g where g.member_id = m.id and g.year = 2025) as gifts,
        (select count(*) from ${memberCoupons} c where c.member_id = m.id and c.channel = 'birthday') as coupons,
        (select count(*) from ${pointsLedger} l where l.member_id = m.id and l.reason = 'birthday') as entries,
        (select count(*) from ${notifications} n where n.member_id = m.id and n.kind = 'birthday_gift') as notices
      from ${members} m where m.birth_month = 8 and m.status = 'active'`),
  )
  for (const row of perMember) expect([row.member_id, Number(row.gifts), Number(row.coupons), Number(row.entries), Number(row.notices)]).toEqual([row.member_id, 1, 1, 1, 1])
  const [template] = await app.db.select().from(couponTemplates).where(eq(couponTemplates.id, templateId))
  expect(template.claimedCount).toBe(perMember.length)
  await expectBalancesMatchLedger(app.db)
}

describe('the birthday job run twice or more at once', () => {
  it('8 chunks over the same members at once (no lease between them): one gift, coupon, entry and notice each', async () => {
    const store = (await app.db.select().from(stores).where(eq(stores.id, storeId)))[0]
    const input = { asOf: app.clock.now(), cursor: null, store }
    const results = await Promise.all(Array.from({ length: 8 }, () => birthdayGiftsChunk(app.deps, input, 7)))
    // Small chunks: each worker then walks the rest with its own cursor, overlapping the others.
    await Promise.all(
      results.map(async (first) => {
        let r = first
        while (!r.done) r = await birthdayGiftsChunk(app.deps, { ...input, cursor: r.cursor }, 7)
      }),
    )
    await everyoneOnce()
  })

  it('two scheduled runs at once: one runs, the other is busy, and nothing is given twice', async () => {
    await openNewCard(app, 'wx-bd-race-late')
    await app.db.execute(sql`update members set birth_month = 8 where openid = 'wx-bd-race-late'`)
    const runs = await Promise.all([runJob(app.deps, birthdayGiftsJob, app.clock.now()), runJob(app.deps, birthdayGiftsJob, app.clock.now())])
    // Usually one is busy; if the first finished before the second started, the second finds nothing to do.
    expect(runs.map((r) => r.status)).toContain('done')
    for (const r of runs) expect(['busy', 'done']).toContain(r.status)
    expect(runs.reduce((n, r) => n + (r.counts.gifted ?? 0), 0)).toBe(1)
    await everyoneOnce()
  })

  it('members setting their birthday while chunks run: one gift each', async () => {
    const who = Array.from({ length: 12 }, (_, i) => `wx-bd-race-set-${i}`)
    for (const openid of who) await openNewCard(app, openid)
    const store = (await app.db.select().from(stores).where(eq(stores.id, storeId)))[0]
    const input = { asOf: app.clock.now(), cursor: null, store }
    const outcomes = await Promise.all([
      ...who.map((openid) => app.call('setMyBirthday', { birthday: { month: 8, day: 1 } }, openid)),
      ...who.map((openid) => app.call('setMyBirthday', { birthday: { month: 8, day: 1 } }, openid)),
      birthdayGiftsChunk(app.deps, input, 1000),
      birthdayGiftsChunk(app.deps, input, 1000),
    ])
    expect(outcomes.slice(0, who.length * 2).every((o: any) => o.ok)).toBe(true)
    await everyoneOnce()
  })

  it('two expiry reminder runs at once: one coupon_expiring notification per coupon', async () => {
    app.clock.set(sh('2025-08-29T10:00:00'))
    const store = (await app.db.select().from(stores).where(eq(stores.id, storeId)))[0]
    const input = { asOf: app.clock.now(), cursor: null, store }
    await Promise.all(Array.from({ length: 4 }, () => couponExpiryRemindersChunk(app.deps, input, 10_000)))
    const rows = await executeRows<{ coupons: string; reminded: string; notices: string; max_per_coupon: string | null }>(
      app.db.execute(sql`
        select (select count(*) from ${memberCoupons} where template_id = ${templateId}) as coupons,
          (select count(*) from ${memberCoupons} where template_id = ${templateId} and reminded_at is not null) as reminded,
          (select count(*) from ${notifications} where kind = 'coupon_expiring') as notices,
          (select max(n) from (select count(*) as n from ${notifications} where kind = 'coupon_expiring' group by dedupe_key) d) as max_per_coupon`),
    )
    expect(Number(rows[0].coupons)).toBeGreaterThan(40)
    expect(Number(rows[0].reminded)).toBe(Number(rows[0].coupons))
    expect(Number(rows[0].notices)).toBe(Number(rows[0].coupons))
    expect(Number(rows[0].max_per_coupon)).toBe(1)
  })

  it('a manager correcting birthdays while chunks run: no deadlock, one gift each', async () => {
    app.clock.set(sh('2025-09-10T10:00:00'))
    const who = Array.from({ length: 10 }, (_, i) => `wx-bd-race-fix-${i}`)
    for (const openid of who) await openNewCard(app, openid)
    // Born in September by the database (a birthday from before the N-day rule), so the chunks see them at once.
    await app.db.execute(sql`update members set birth_month = 9 where openid like 'wx-bd-race-fix-%'`)
    const [manager] = await app.db.select().from(staff).where(eq(staff.openid, DEMO_OPENIDS.manager))
    const rows = await app.db.select({ memberNo: members.memberNo }).from(members).where(sql`openid like 'wx-bd-race-fix-%'`)
    const store = (await app.db.select().from(stores).where(eq(stores.id, storeId)))[0]
    const input = { asOf: app.clock.now(), cursor: null, store }
    const outcomes = await Promise.all([
      ...rows.map(({ memberNo }) =>
        app.call(
          'staffCorrectBirthday',
          { ticket: signTillTicket(memberNo, manager.id, app.clock.now(), app.config.memberCodeSecret), birthday: { month: 9, day: 2 }, reason: '核对' },
          DEMO_OPENIDS.manager,
        ),
      ),
      birthdayGiftsChunk(app.deps, input, 3),
      birthdayGiftsChunk(app.deps, input, 1000),
    ])
    expect(outcomes.slice(0, rows.length)).toEqual(rows.map(() => expect.objectContaining({ ok: true })))
    const gifts = await executeRows<{ n: string }>(
      app.db.execute(sql`select count(*) as n from ${birthdayGifts} g join ${members} m on m.id = g.member_id where m.openid like 'wx-bd-race-fix-%' group by g.member_id`),
    )
    expect(gifts.map((g) => Number(g.n))).toEqual(rows.map(() => 1))
    await expectBalancesMatchLedger(app.db)
  })
})
