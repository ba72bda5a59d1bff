import { and, eq, like } from 'drizzle-orm'
import { DEMO_OPENIDS } from '../../src/cloud/app'
import { auditLog, eventRegistrations, events, pointsLedger, staff, stores } from '../../src/cloud/db/schema'
import { createAppFixture, expectBalancesMatchLedger, memberCodeOf, openNewCard, type AppFixture } from '../helpers/app-fixture'
import { insertDoorEvent, insertDoorRegistration } from '../helpers/event-door-fixtures'
import { memberIdOf } from '../helpers/mall-fixtures'
import { requirePostgres } from '../helpers/test-db'

// Real PostgreSQL only: PGlite runs one transaction at a time, so no race could ever show.
let app: AppFixture
const CLERK2 = 'wx-door-race-clerk-2'
beforeAll(async () => {
  requirePostgres()
  app = await createAppFixture({ poolMax: 20 })
  const [s] = await app.db.select({ id: stores.id }).from(stores)
  await app.db.insert(staff).values({ storeId: s.id, openid: CLERK2, name: '店员小李', role: 'clerk' })
})
afterAll(async () => app?.close())

type Result = { ok: boolean; data?: any; error?: { code: string; message: string } }
const clerks = [DEMO_OPENIDS.clerk, CLERK2]

describe('the door under concurrent scans', () => {
  it('checks a ticket in once when two clerks scan it 10 times at once: one check-in, one reward, the others told by whom', async () => {
    const { openid } = await openNewCard(app, 'wx-door-race-double')
    const memberId = await memberIdOf(app.db, openid)
    const e = await insertDoorEvent(app.db, app.clock.now(), { rewardPoints: 25 })
    const r = await insertDoorRegistration(app.db, e.id, memberId)

    const results = (await Promise.all(
      Array.from({ length: 10 }, (_, i) => app.call('staffCheckIn', { ticketCode: r.ticketCode, requestId: `double-scan-${i}` }, clerks[i % 2])),
    )) as Result[]

    expect(results.filter((x) => x.ok)).toHaveLength(1)
    expect(results.filter((x) => !x.ok).map((x) => x.error!.code)).toEqual(Array(9).fill('CHECK_IN_ALREADY_DONE'))
    expect(await app.db.select().from(pointsLedger).where(like(pointsLedger.requestId, `event-attend:${r.id}:%`))).toHaveLength(1)
    const [row] = await app.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, r.id))
    expect(row).toMatchObject({ status: 'attended', checkInCount: 1 })
    const refusals = await app.db.select().from(auditLog).where(and(eq(auditLog.memberId, memberId), eq(auditLog.action, 'event.check_in_refused')))
    expect(refusals).toHaveLength(9)
    await expectBalancesMatchLedger(app.db)
  }, 120_000)

  it('seats exactly 3 of 12 walk-ins arriving at once for the last 3 seats; the others hear EVENT_FULL', async () => {
    const e = await insertDoorEvent(app.db, app.clock.now(), { capacity: 10, rewardPoints: 5 })
    for (let i = 0; i < 7; i++) {
      const { openid } = await openNewCard(app, `wx-door-race-seated-${i}`)
      await insertDoorRegistration(app.db, e.id, await memberIdOf(app.db, openid))
    }
    const tickets: { ticket: string; clerk: string }[] = []
    for (let i = 0; i < 12; i++) {
      const { openid } = await openNewCard(app, `wx-door-race-walk-${i}`)
      const clerk = clerks[i % 2]
      const lookup = await app.ok<{ ticket: string }>('staffLookupMember', { memberCode: await memberCodeOf(app, openid) }, clerk)
      tickets.push({ ticket: lookup.ticket, clerk })
    }

    const results = (await Promise.all(
      tickets.map((t, i) => app.call('staffWalkIn', { eventId: String(e.id), memberTicket: t.ticket, requestId: `walk-in-race-${i}` }, t.clerk)),
    )) as Result[]

    expect(results.filter((x) => x.ok)).toHaveLength(3)
    expect(new Set(results.filter((x) => !x.ok).map((x) => x.error!.code))).toEqual(new Set(['EVENT_FULL']))
    const [row] = await app.db.select().from(events).where(eq(events.id, e.id))
    expect(row.seatsTaken).toBe(10)
    const walkIns = await app.db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, e.id), eq(eventRegistrations.source, 'walk_in')))
    expect(walkIns).toHaveLength(3)
    await expectBalancesMatchLedger(app.db)
  }, 120_000)
})
