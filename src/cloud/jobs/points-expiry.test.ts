import { and, eq } from 'drizzle-orm'
import { createAppFixture, expectBalancesMatchLedger, type AppFixture } from '../../../tests/helpers/app-fixture'
import { balanceOf, entriesOf, lotsOf, movePoints, newLotsMember, sh, type LotsMember } from '../../../tests/helpers/points-lots-fixtures'
import { notifications, stores } from '../db/schema'
import type { StoreRow } from '../db/repositories/stores'
import { runJob } from './run-job'
import { pointsExpiryChunk, pointsExpiryJob } from './points-expiry'
import { pointsExpiryRemindersChunk } from './points-expiry-reminders'

let app: AppFixture
let store: StoreRow
let n = 0
const member = () => newLotsMember(app, `wx-expiry-job-${++n}`)

beforeAll(async () => {
  app = await createAppFixture()
  ;[store] = await app.db.select().from(stores)
})
afterEach(async () => expectBalancesMatchLedger(app.db))
afterAll(async () => app?.close())

describe('the pointsExpiry job', () => {
  it('expires each member\'s due lots once: twice in a row writes one entry per member; never-expiring lots are untouched', async () => {
    const a = await member()
    await movePoints(app.db, a, 'earn', 100, sh('2025-03-01 10:00:00'))
    await movePoints(app.db, a, 'earn', 50, sh('2026-03-01 10:00:00'))
    const b = await member()
    await movePoints(app.db, b, 'earn', 80, sh('2025-03-01 10:00:00'))
    await movePoints(app.db, b, 'redeem', -30, sh('2025-04-01 10:00:00'))
    const never = await member()
    await movePoints(app.db, never, 'earn', 40, sh('2025-03-01 10:00:00'), { expiresAt: null })

    // 23:59:59 on the last day: nothing is due yet.
    const early = await runJob(app.deps, pointsExpiryJob, sh('2026-12-31 23:59:59'))
    expect(early.status).toBe('done')
    expect(await entriesOf(app.db, a.id, 'expire')).toEqual([])

    const first = await runJob(app.deps, pointsExpiryJob, sh('2027-01-01 00:05:00'))
    expect(first.status).toBe('done')
    expect(first.counts.expired).toBeGreaterThanOrEqual(2)
    const second = await runJob(app.deps, pointsExpiryJob, sh('2027-01-01 00:05:00'))
    expect(second.counts.expired ?? 0).toBe(0)
    // Nothing due any more: a chunk ends at its first probe, without walking the members.
    expect(await pointsExpiryChunk(app.deps, { asOf: sh('2027-01-01 00:05:00'), cursor: null, store }, 2)).toMatchObject({ done: true, counts: { scanned: 0 } })

    expect(await entriesOf(app.db, a.id, 'expire')).toEqual([{ delta: -100, requestId: `expire:${a.id}:2026-12-31T16:00:00Z` }])
    expect(await entriesOf(app.db, b.id, 'expire')).toEqual([{ delta: -50, requestId: `expire:${b.id}:2026-12-31T16:00:00Z` }])
    expect([await balanceOf(app.db, a.id), await balanceOf(app.db, b.id), await balanceOf(app.db, never.id)]).toEqual([50, 0, 40])
    expect(await entriesOf(app.db, never.id, 'expire')).toEqual([])
    expect(await lotsOf(app.db, never.id)).toEqual([[40, 40, null]])
  })

  it('and a spend\'s own expiry never double-expire, whichever runs first', async () => {
    const spendFirst = await member()
    const jobFirst = await member()
    for (const m of [spendFirst, jobFirst]) {
      await movePoints(app.db, m, 'earn', 100, sh('2026-05-01 10:00:00'))
      await movePoints(app.db, m, 'earn', 20, sh('2027-05-01 10:00:00'))
    }
    await movePoints(app.db, spendFirst, 'redeem', -5, sh('2028-01-01 00:00:00'))
    await runJob(app.deps, pointsExpiryJob, sh('2028-01-01 00:05:00'))
    await movePoints(app.db, jobFirst, 'redeem', -5, sh('2028-01-01 00:06:00'))
    for (const m of [spendFirst, jobFirst]) {
      expect(await entriesOf(app.db, m.id, 'expire')).toEqual([{ delta: -100, requestId: `expire:${m.id}:2027-12-31T16:00:00Z` }])
      expect(await balanceOf(app.db, m.id)).toBe(15)
    }
  })

  it('resumes a run cut off after a chunk at its cursor, and a re-done chunk changes nothing', async () => {
    const group: LotsMember[] = []
    for (let i = 0; i < 5; i++) {
      const m = await member()
      await movePoints(app.db, m, 'earn', 10 + i, sh('2027-02-01 10:00:00'))
      group.push(m)
    }
    const asOf = sh('2029-01-01 00:05:00')
    // Start just before the group (the fixture's other members come first by id; they have nothing due).
    const start = { asOf, cursor: String(group[0].id - 1), store }
    const firstChunk = await pointsExpiryChunk(app.deps, start, 2)
    expect(firstChunk).toMatchObject({ done: false, cursor: String(group[1].id), counts: { scanned: 2, expired: 2 } })
    // Cut off here (the cursor not saved): re-doing the chunk finds its members drained and changes nothing.
    expect((await pointsExpiryChunk(app.deps, start, 2)).counts).toMatchObject({ scanned: 2, expired: 0, points: 0 })
    let cursor = firstChunk.cursor
    for (let guard = 0; guard < 10; guard++) {
      const next = await pointsExpiryChunk(app.deps, { asOf, cursor, store }, 2)
      cursor = next.cursor
      if (next.done) break
    }
    for (const [i, m] of group.entries()) {
      expect(await entriesOf(app.db, m.id, 'expire')).toEqual([{ delta: -(10 + i), requestId: `expire:${m.id}:2028-12-31T16:00:00Z` }])
    }
    expect((await pointsExpiryChunk(app.deps, start, 10)).counts).toMatchObject({ expired: 0 })
  })
})

describe('the pointsExpiryReminders job', () => {
  // 2028's points: last usable day 2029-12-31.
  const run = (wall: string) => pointsExpiryRemindersChunk(app.deps, { asOf: sh(wall), cursor: null, store }, 10_000)
  const remindersOf = (m: LotsMember) =>
    app.db
      .select({ dedupeKey: notifications.dedupeKey, body: notifications.body, nextAttemptAt: notifications.nextAttemptAt })
      .from(notifications)
      .where(and(eq(notifications.memberId, m.id), eq(notifications.kind, 'points_expiring')))
      .orderBy(notifications.id)

  it('reminds at 30 days left (not at 31) and at 7 (not at 8), once each, only members with points expiring', async () => {
    const m = await member()
    await movePoints(app.db, m, 'earn', 860, sh('2028-03-01 10:00:00'))
    await movePoints(app.db, m, 'earn', 5, sh('2029-03-01 10:00:00'))
    const spent = await member()
    await movePoints(app.db, spent, 'earn', 50, sh('2028-03-01 10:00:00'))
    await movePoints(app.db, spent, 'redeem', -50, sh('2028-04-01 10:00:00'))

    await run('2029-11-30 23:59:59')
    expect(await remindersOf(m)).toEqual([])
    const warned = await run('2029-12-01 00:00:00')
    expect(warned.counts.reminded).toBeGreaterThanOrEqual(1)
    expect((await run('2029-12-01 09:00:00')).counts.reminded).toBe(0)
    await run('2029-12-23 23:59:59') // 8 days left: still the warning, already sent
    expect(await remindersOf(m)).toHaveLength(1)
    await run('2029-12-24 09:00:00')
    await run('2029-12-25 09:00:00')

    const expiry = '2029-12-31T16:00:00.000Z'
    const reminders = await remindersOf(m)
    expect(reminders.map((r) => r.dedupeKey)).toEqual([`points_expiring:${m.id}:${expiry}:30`, `points_expiring:${m.id}:${expiry}:7`])
    expect(reminders[0].body).toContain('860 积分将于 2029-12-31 过期（还剩 30 天）')
    expect(reminders[1].body).toContain('还剩 7 天')
    // The WeChat copy waits for the send window (09:00 store time).
    expect(reminders[0].nextAttemptAt).toEqual(sh('2029-12-01 09:00:00'))
    expect(await remindersOf(spent)).toEqual([])
  })

  it('sends nothing once the points have expired', async () => {
    const m = await member()
    await movePoints(app.db, m, 'earn', 10, sh('2029-03-01 10:00:00'))
    await run('2031-01-01 09:00:00')
    expect(await remindersOf(m)).toEqual([])
  })
})
