import { and, asc, eq, inArray } from 'drizzle-orm'
import { postPointsToMany } from '../../src/cloud/db/repositories/points-ledger'
import { eventRegistrations, events, members, notifications, pointsLedger, stores } from '../../src/cloud/db/schema'
import { createAppFixture, expectBalancesMatchLedger, openNewCard, type AppFixture } from '../helpers/app-fixture'
import { requirePostgres } from '../helpers/test-db'

// Real PostgreSQL only (npm run test:pg): PGlite runs one transaction at a time, so no race could ever show.
let app: AppFixture
let storeId: number
beforeAll(async () => {
  requirePostgres()
  app = await createAppFixture({ poolMax: 20 })
  ;[{ id: storeId }] = await app.db.select({ id: stores.id }).from(stores)
})
afterAll(async () => app?.close())

type Result = { ok: boolean; data?: any; error?: { code: string; message: string } }
const errorCodes = (results: Result[]) => results.filter((r) => !r.ok).map((r) => r.error!.code)
const DAY_MS = 86_400_000

/** `n` new cards (opened through dispatch, 20 at a time), each credited `points` in one statement; in order. */
async function fundedMembers(prefix: string, n: number, points: number): Promise<Array<{ openid: string; id: number }>> {
  const openids: string[] = []
  for (let i = 0; i < n; i += 20) {
    const batch = Array.from({ length: Math.min(20, n - i) }, (_, k) => `wx-${prefix}-${i + k}`)
    await Promise.all(batch.map((o) => openNewCard(app, o)))
    openids.push(...batch)
  }
  const rows = await app.db.select({ id: members.id, openid: members.openid }).from(members).where(inArray(members.openid, openids))
  if (points > 0) {
    await app.db.transaction((tx) =>
      postPointsToMany(tx, {
        storeId,
        reason: 'adjust',
        delta: points,
        entries: rows.map((r) => ({ memberId: r.id, requestId: `fund-${prefix}-${r.id}` })),
        note: null,
        expiresAt: null,
        createdAt: app.clock.now(),
      }),
    )
  }
  const byOpenid = new Map(rows.map((r) => [r.openid!, r.id]))
  return openids.map((openid) => ({ openid, id: byOpenid.get(openid)! }))
}

/** A published event starting in 3 days, open for sign-up now. */
async function insertEvent(o: Partial<typeof events.$inferInsert>): Promise<number> {
  const now = app.clock.now().getTime()
  const [row] = await app.db
    .insert(events)
    .values({
      storeId,
      status: 'published',
      title: '并发测试活动',
      startsAt: new Date(now + 3 * DAY_MS),
      endsAt: new Date(now + 3 * DAY_MS + 7_200_000),
      place: '门店',
      capacity: 10,
      publishedAt: new Date(now - DAY_MS),
      createRequestId: `race-${Date.now()}-${Math.random()}`,
      ...o,
    })
    .returning({ id: events.id })
  return row.id
}

const signUp = (eventId: number, openid: string, requestId: string) => app.call('signUpForEvent', { eventId: String(eventId), requestId }, openid) as Promise<Result>
const registrationsOf = (eventId: number) => app.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId)).orderBy(asc(eventRegistrations.id))
const eventRow = async (id: number) => (await app.db.select().from(events).where(eq(events.id, id)))[0]
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe('signing up concurrently', () => {
  it('seats exactly 100 of 1,000 members signing up at once and waitlists the other 900 at positions 1…900', async () => {
    const eventId = await insertEvent({ capacity: 100 })
    const crowd = await fundedMembers('event-crowd', 1_000, 0)

    const results = await Promise.all(crowd.map((m, i) => signUp(eventId, m.openid, `crowd-tap-${i}`)))

    expect(errorCodes(results)).toEqual([])
    const rows = await registrationsOf(eventId)
    expect(rows.filter((r) => r.status === 'registered')).toHaveLength(100)
    const waiting = rows.filter((r) => r.status === 'waitlisted')
    expect(waiting.map((r) => r.waitlistSeq).sort((a, b) => a! - b!)).toEqual(range(1, 900))
    expect(await eventRow(eventId)).toMatchObject({ seatsTaken: 100, waitlistCount: 900, waitlistSeq: 900 })
    // The answer each member got is their place: the 900 positions, each once.
    const positions = results.map((r) => r.data.registration.waitlistPosition).filter((p) => p !== null)
    expect(positions.sort((a, b) => a - b)).toEqual(range(1, 900))
  }, 300_000)

  it('keeps one live registration when one member taps 10 times at once', async () => {
    const eventId = await insertEvent({ capacity: 5 })
    const [m] = await fundedMembers('event-tapper', 1, 0)

    const results = await Promise.all(range(1, 10).map((i) => signUp(eventId, m.openid, `tapper-tap-${i}`)))

    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(new Set(errorCodes(results))).toEqual(new Set(['EVENT_ALREADY_REGISTERED']))
    expect(await registrationsOf(eventId)).toHaveLength(1)
    expect(await eventRow(eventId)).toMatchObject({ seatsTaken: 1, waitlistCount: 0 })
  }, 60_000)
})

describe('cancelling concurrently', () => {
  it('promotes exactly 50 waitlisters, the first 50 by position, when 50 seat holders cancel at once; never above capacity; balances = ledger', async () => {
    const eventId = await insertEvent({ capacity: 50, pointsCost: 30 })
    const people = await fundedMembers('event-cancel', 110, 100)
    // One by one: arrival order is the order of the calls (50 seats, then positions 1…60).
    for (const [i, m] of people.entries()) expect(await signUp(eventId, m.openid, `cancel-seat-${i}`)).toMatchObject({ ok: true })
    const before = new Map((await registrationsOf(eventId)).map((r) => [r.memberId, r]))
    const [holders, waiters] = [people.slice(0, 50), people.slice(50)]
    expect(waiters.map((m) => before.get(m.id)!.waitlistSeq)).toEqual(range(1, 60))

    const results = await Promise.all(
      holders.map((m) => app.call('cancelMyRegistration', { registrationId: String(before.get(m.id)!.id) }, m.openid) as Promise<Result>),
    )

    expect(errorCodes(results)).toEqual([])
    const after = new Map((await registrationsOf(eventId)).map((r) => [r.memberId, r]))
    for (const m of holders) expect(after.get(m.id)).toMatchObject({ status: 'cancelled', pointsRefunded: 30 })
    expect(waiters.map((m) => after.get(m.id)!.status)).toEqual([...Array(50).fill('registered'), ...Array(10).fill('waitlisted')])
    expect(await eventRow(eventId)).toMatchObject({ seatsTaken: 50, waitlistCount: 10 })
    const promotedIds = waiters.slice(0, 50).map((m) => m.id)
    const charged = await app.db.select().from(pointsLedger).where(and(eq(pointsLedger.reason, 'event'), inArray(pointsLedger.memberId, promotedIds)))
    expect(charged.map((e) => e.delta)).toEqual(Array(50).fill(-30))
    const told = await app.db.select().from(notifications).where(and(eq(notifications.kind, 'event_waitlist'), inArray(notifications.memberId, promotedIds)))
    expect(told).toHaveLength(50)
    await expectBalancesMatchLedger(app.db)
  }, 180_000)
})
