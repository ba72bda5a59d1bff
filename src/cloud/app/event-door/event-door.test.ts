import { and, desc, eq, like } from 'drizzle-orm'
import { createAppFixture, expectBalancesMatchLedger, memberCodeOf, openNewCard, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { insertDoorEvent, insertDoorRegistration, type DoorEventInput } from '../../../../tests/helpers/event-door-fixtures'
import { balanceOf, memberIdOf } from '../../../../tests/helpers/mall-fixtures'
import { eventNoShowsChunk, eventNoShowsJob } from '../../jobs/event-no-shows'
import { runJob } from '../../jobs/run-job'
import { auditLog, eventRegistrations, events, members, pointsLedger, staff, stores } from '../../db/schema'
import { postPoints } from '../../db/repositories/points-ledger'
import { DEMO_OPENIDS } from '../index'

let app: AppFixture
let seq = 0
const rid = (label = 'r') => `${label}-${++seq}-${Math.random().toString(36).slice(2, 8)}`
/** A wall-clock time in the store's zone (Asia/Shanghai, UTC+8) as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`)
const NOW = sh('2026-12-06T14:02:00')
const clerk = DEMO_OPENIDS.clerk
const manager = DEMO_OPENIDS.manager
const CLERK2 = 'wx-door-clerk-2'

beforeAll(async () => {
  app = await createAppFixture()
  const [s] = await app.db.select({ storeId: staff.storeId }).from(staff).limit(1)
  await app.db.insert(staff).values({ storeId: s.storeId, openid: CLERK2, name: '店员小李', role: 'clerk' })
})
afterAll(async () => app?.close())
beforeEach(() => app.clock.set(NOW))

let memberNo = 0
async function newMember(): Promise<{ openid: string; id: number }> {
  const { openid } = await openNewCard(app, `wx-door-m${++memberNo}`)
  return { openid, id: await memberIdOf(app.db, openid) }
}
/** An event whose door is open now (14:00–17:00 today, the door from 12:00), with `reward` points. */
const openEvent = (o: DoorEventInput = {}) => insertDoorEvent(app.db, NOW, { startsAt: sh('2026-12-06T14:00:00'), endsAt: sh('2026-12-06T17:00:00'), ...o })
const refused = (code: string, message?: string) => ({ ok: false, error: message ? { code, message } : { code } })
const checkIn = (input: Record<string, unknown>, as: string = clerk) => app.call('staffCheckIn', { requestId: rid('scan'), ...input }, as)
async function registration(id: number) {
  const [row] = await app.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, id))
  return row
}
async function eventRow(id: number) {
  const [row] = await app.db.select().from(events).where(eq(events.id, id))
  return row
}
const rewardEntries = (registrationId: number) =>
  app.db.select().from(pointsLedger).where(like(pointsLedger.requestId, `event-attend:${registrationId}:%`)).orderBy(pointsLedger.id)
/** The till ticket the clerk's lookup hands out for the member (bound to that clerk). */
async function memberTicket(openid: string, as: string = clerk): Promise<string> {
  return (await app.ok<{ ticket: string }>('staffLookupMember', { memberCode: await memberCodeOf(app, openid) }, as)).ticket
}

describe('who may use the door', () => {
  it('refuses a member every door operation, even for their own ticket, as FORBIDDEN, writing nothing', async () => {
    const m = await newMember()
    const e = await openEvent({ rewardPoints: 10 })
    const r = await insertDoorRegistration(app.db, e.id, m.id)
    const inputs: Record<string, unknown> = {
      staffListDoorEvents: {},
      staffGetDoorList: { eventId: String(e.id) },
      staffPreviewTicket: { ticketCode: r.ticketCode },
      staffCheckIn: { ticketCode: r.ticketCode, requestId: rid() },
      staffWalkIn: { eventId: String(e.id), memberTicket: 'x', requestId: rid() },
      staffVoidCheckIn: { registrationId: String(r.id), reason: '测试' },
    }
    const before = await app.counts()
    for (const [name, input] of Object.entries(inputs)) expect(await app.call(name, input, m.openid)).toMatchObject(refused('FORBIDDEN'))
    expect(await app.counts()).toEqual(before)
    expect(await registration(r.id)).toMatchObject({ status: 'registered', checkInCount: 0 })
  })
})

describe('checking a ticket in', () => {
  it('checks a ticket in for its own event only: another event chosen at the door is refused and nothing is written', async () => {
    const m = await newMember()
    const a = await openEvent({ title: '活动A' })
    const b = await openEvent({ title: '活动B' })
    const r = await insertDoorRegistration(app.db, b.id, m.id)
    const before = await app.counts()
    expect(await checkIn({ ticketCode: r.ticketCode, eventId: String(a.id) })).toMatchObject(refused('EVENT_TICKET_OTHER_EVENT', '该票属于「活动B」，不属于当前活动'))
    expect(await app.counts()).toEqual(before)
    expect(await registration(r.id)).toMatchObject({ status: 'registered', checkedInAt: null })
    expect(await checkIn({ ticketCode: r.ticketCode, eventId: String(b.id) })).toMatchObject({ ok: true, data: { entry: { status: 'attended' } } })
  })

  it('opens the door 2 hours before the start and closes it at the end, to the second, in store time', async () => {
    const e = await insertDoorEvent(app.db, NOW, { startsAt: sh('2026-12-06T14:00:00'), endsAt: sh('2026-12-06T16:00:00') })
    const tickets = await Promise.all([1, 2, 3, 4].map(async () => (await insertDoorRegistration(app.db, e.id, (await newMember()).id)).ticketCode))
    app.clock.set(sh('2026-12-06T11:59:59'))
    expect(await checkIn({ ticketCode: tickets[0] })).toMatchObject(refused('CHECK_IN_NOT_OPEN', '开始前 2 小时可签到（12月6日 12:00 起）'))
    app.clock.set(sh('2026-12-06T12:00:00'))
    expect(await checkIn({ ticketCode: tickets[0] })).toMatchObject({ ok: true })
    app.clock.set(sh('2026-12-06T16:00:00'))
    expect(await checkIn({ ticketCode: tickets[1] })).toMatchObject({ ok: true })
    app.clock.set(sh('2026-12-06T16:00:01'))
    expect(await checkIn({ ticketCode: tickets[2] })).toMatchObject(refused('CHECK_IN_CLOSED'))
  })

  it('answers a second scan by another clerk with when and by whom, and records that refusal', async () => {
    const m = await newMember()
    const e = await openEvent({ rewardPoints: 20 })
    const r = await insertDoorRegistration(app.db, e.id, m.id)
    expect(await checkIn({ ticketCode: r.ticketCode })).toMatchObject({ ok: true, data: { rewardPoints: 20, repeated: false } })
    app.clock.set(sh('2026-12-06T14:30:00'))
    expect(await checkIn({ ticketCode: r.ticketCode }, CLERK2)).toMatchObject(refused('CHECK_IN_ALREADY_DONE', '已签到 14:02 · 店员小王'))
    const [audit] = await app.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1)
    expect(audit).toMatchObject({ action: 'event.check_in_refused', memberId: m.id, detail: expect.objectContaining({ registrationId: r.id }) })
    expect(await rewardEntries(r.id)).toHaveLength(1)
  })

  it("answers the same clerk's retry with the first result, crediting the reward once", async () => {
    const m = await newMember()
    const e = await openEvent({ rewardPoints: 30 })
    const r = await insertDoorRegistration(app.db, e.id, m.id)
    const requestId = rid('retry')
    const first = await app.ok('staffCheckIn', { ticketCode: r.ticketCode, requestId }, clerk)
    const again = await app.ok('staffCheckIn', { ticketCode: r.ticketCode, requestId }, clerk)
    expect(first).toMatchObject({ repeated: false, rewardPoints: 30, entry: { status: 'attended', checkedIn: { staffName: '店员小王' } } })
    expect(again).toMatchObject({ repeated: true, rewardPoints: 30, entry: first.entry })
    const entries = await rewardEntries(r.id)
    expect(entries).toEqual([expect.objectContaining({ reason: 'event', delta: 30, requestId: `event-attend:${r.id}:1` })])
    expect(await registration(r.id)).toMatchObject({ rewardEntryId: entries[0].id, checkInCount: 1 })
    expect(await balanceOf(app.db, m.id)).toBe(30)
    await expectBalancesMatchLedger(app.db)
  })

  it('refuses a waitlisted or cancelled registration with the reason, and a cancelled event', async () => {
    const e = await openEvent()
    const waiting = await insertDoorRegistration(app.db, e.id, (await newMember()).id, 'waitlisted')
    const gone = await insertDoorRegistration(app.db, e.id, (await newMember()).id, 'cancelled')
    expect(await checkIn({ ticketCode: waiting.ticketCode })).toMatchObject(refused('CHECK_IN_WAITLISTED', '该会员仍在候补中，未获得名额'))
    expect(await checkIn({ ticketCode: gone.ticketCode })).toMatchObject(refused('CHECK_IN_CANCELLED', '该会员的报名已取消'))
    const off = await openEvent({ status: 'cancelled', cancelledAt: NOW })
    const stale = await insertDoorRegistration(app.db, off.id, (await newMember()).id)
    expect(await checkIn({ ticketCode: stale.ticketCode })).toMatchObject(refused('EVENT_CANCELLED'))
  })

  it('checks a member in by the lookup ticket and the chosen event, and refuses one who did not sign up', async () => {
    const m = await newMember()
    const e = await openEvent({ rewardPoints: 5 })
    const other = await openEvent()
    await insertDoorRegistration(app.db, e.id, m.id)
    const ticket = await memberTicket(m.openid)
    expect(await checkIn({ memberTicket: ticket, eventId: String(other.id) })).toMatchObject(refused('CHECK_IN_NOT_REGISTERED'))
    expect(await checkIn({ memberTicket: ticket, eventId: String(e.id) })).toMatchObject({ ok: true, data: { rewardPoints: 5, entry: { status: 'attended' } } })
  })

  it("refuses a clerk checking their own card in (the reward is points), and lets a manager do it", async () => {
    const { openid } = await openNewCard(app, CLERK2)
    const self = await memberIdOf(app.db, openid)
    const e = await openEvent({ rewardPoints: 5 })
    const r = await insertDoorRegistration(app.db, e.id, self)
    expect(await checkIn({ ticketCode: r.ticketCode }, CLERK2)).toMatchObject(refused('SELF_DEALING', '店员不能为自己签到，请由其他店员或店长操作'))
    expect(await app.call('staffWalkIn', { eventId: String(e.id), memberTicket: await memberTicket(openid, CLERK2), requestId: rid('walk') }, CLERK2)).toMatchObject(refused('SELF_DEALING'))
    expect((await registration(r.id)).status).toBe('registered')
    expect(await checkIn({ ticketCode: r.ticketCode }, manager)).toMatchObject({ ok: true, data: { rewardPoints: 5 } })
  })

  it('lets a no-show who arrives late before the end check in', async () => {
    const e = await openEvent()
    const r = await insertDoorRegistration(app.db, e.id, (await newMember()).id, 'no_show', { noShowAt: NOW })
    expect(await checkIn({ ticketCode: r.ticketCode })).toMatchObject({ ok: true })
    expect(await registration(r.id)).toMatchObject({ status: 'attended', noShowAt: null })
  })
})

describe('voiding a check-in', () => {
  it('takes the reward back (managers only), refuses a second void, and a new check-in credits again under a new key', async () => {
    const m = await newMember()
    const e = await openEvent({ rewardPoints: 40 })
    const r = await insertDoorRegistration(app.db, e.id, m.id)
    await app.ok('staffCheckIn', { ticketCode: r.ticketCode, requestId: rid() }, clerk)
    const input = { registrationId: String(r.id), reason: '扫错人' }
    expect(await app.call('staffVoidCheckIn', input, clerk)).toMatchObject(refused('FORBIDDEN'))
    expect(await app.ok('staffVoidCheckIn', input, manager)).toMatchObject({ pointsTakenBack: 40, entry: { status: 'registered', checkedIn: null } })
    expect(await registration(r.id)).toMatchObject({ status: 'registered', checkedInAt: null, checkedInByStaffId: null, rewardEntryId: null })
    expect(await balanceOf(app.db, m.id)).toBe(0)
    const [clawback] = await app.db.select().from(pointsLedger).where(eq(pointsLedger.requestId, `event-void:${r.id}:1`))
    expect(clawback).toMatchObject({ reason: 'clawback', delta: -40 })
    const [audit] = await app.db.select().from(auditLog).where(and(eq(auditLog.memberId, m.id), eq(auditLog.action, 'event.check_in_void')))
    expect(audit.detail).toMatchObject({ reason: '扫错人', reward: 40, pointsTakenBack: 40, shortfall: 0 })
    expect(await app.call('staffVoidCheckIn', input, manager)).toMatchObject(refused('CHECK_IN_NOT_FOUND'))

    await app.ok('staffCheckIn', { ticketCode: r.ticketCode, requestId: rid() }, CLERK2)
    expect((await rewardEntries(r.id)).map((x) => x.requestId)).toEqual([`event-attend:${r.id}:1`, `event-attend:${r.id}:2`])
    expect(await balanceOf(app.db, m.id)).toBe(40)
    await expectBalancesMatchLedger(app.db)
  })

  it('never takes a balance below zero: what was already spent is recorded as the shortfall', async () => {
    const m = await newMember()
    const e = await openEvent({ rewardPoints: 50 })
    const r = await insertDoorRegistration(app.db, e.id, m.id)
    await app.ok('staffCheckIn', { ticketCode: r.ticketCode, requestId: rid() }, clerk)
    const [member] = await app.db.select({ storeId: members.storeId }).from(members).where(eq(members.id, m.id))
    await app.db.transaction((tx) =>
      postPoints(tx, { storeId: member.storeId, memberId: m.id, reason: 'redeem', delta: -35, requestId: rid('spend'), note: null, expiresAt: null, createdAt: NOW }),
    )
    expect(await app.ok('staffVoidCheckIn', { registrationId: String(r.id), reason: '误签' }, manager)).toMatchObject({ pointsTakenBack: 15 })
    expect(await balanceOf(app.db, m.id)).toBe(0)
    const [audit] = await app.db.select().from(auditLog).where(and(eq(auditLog.memberId, m.id), eq(auditLog.action, 'event.check_in_void')))
    expect(audit.detail).toMatchObject({ reward: 50, pointsTakenBack: 15, shortfall: 35 })
    await expectBalancesMatchLedger(app.db)
  })
})

describe('现场补签', () => {
  it('seats a walk-in and checks them in (a new row beside their cancelled one), and refuses when no seat is free', async () => {
    const e = await openEvent({ capacity: 2, rewardPoints: 8 })
    const m = await newMember()
    const old = await insertDoorRegistration(app.db, e.id, m.id, 'cancelled')
    const walk = await app.ok('staffWalkIn', { eventId: String(e.id), memberTicket: await memberTicket(m.openid), requestId: rid() }, clerk)
    expect(walk).toMatchObject({ rewardPoints: 8, repeated: false, entry: { status: 'attended', source: 'walk_in' }, event: { registeredCount: 1, attendedCount: 1, seatsLeft: 1 } })
    expect(walk.entry.registrationId).not.toBe(String(old.id))
    expect(await registration(old.id)).toMatchObject({ status: 'cancelled' })
    await insertDoorRegistration(app.db, e.id, (await newMember()).id)
    const late = await newMember()
    const before = await app.counts()
    expect(await app.call('staffWalkIn', { eventId: String(e.id), memberTicket: await memberTicket(late.openid), requestId: rid() }, clerk)).toMatchObject(
      refused('EVENT_FULL'),
    )
    expect((await app.counts()).auditLog).toBe(before.auditLog + 1) // the lookup that made the ticket, nothing more
    expect(await eventRow(e.id)).toMatchObject({ seatsTaken: 2 })
    await expectBalancesMatchLedger(app.db)
  })

  it("takes a waitlister off the waitlist into a free seat, and simply checks in one who is registered", async () => {
    const e = await openEvent({ capacity: 3 })
    await insertDoorRegistration(app.db, e.id, (await newMember()).id)
    const waiter = await newMember()
    const w = await insertDoorRegistration(app.db, e.id, waiter.id, 'waitlisted')
    const requestId = rid()
    const walked = await app.ok('staffWalkIn', { eventId: String(e.id), memberTicket: await memberTicket(waiter.openid), requestId }, clerk)
    expect(walked.entry).toMatchObject({ registrationId: String(w.id), status: 'attended', source: 'signup' })
    expect(await eventRow(e.id)).toMatchObject({ seatsTaken: 2, waitlistCount: 0 })
    // Its retry: the first result, no second seat.
    expect(await app.ok('staffWalkIn', { eventId: String(e.id), memberTicket: await memberTicket(waiter.openid), requestId }, clerk)).toMatchObject({ repeated: true })
    expect(await eventRow(e.id)).toMatchObject({ seatsTaken: 2 })

    const signed = await newMember()
    const s = await insertDoorRegistration(app.db, e.id, signed.id)
    const checked = await app.ok('staffWalkIn', { eventId: String(e.id), memberTicket: await memberTicket(signed.openid), requestId: rid() }, clerk)
    expect(checked.entry).toMatchObject({ registrationId: String(s.id), status: 'attended' })
    expect(await eventRow(e.id)).toMatchObject({ seatsTaken: 3 })
  })
})

describe('the door list', () => {
  it("lists today's events and those with the door open, soonest first, with counts; not cancelled, drafts or other days", async () => {
    const later = await insertDoorEvent(app.db, NOW, { title: '今晚品鉴', startsAt: sh('2026-12-06T20:00:00'), endsAt: sh('2026-12-06T21:00:00') })
    const open = await openEvent({ title: '下午茶', capacity: 5 })
    await insertDoorRegistration(app.db, open.id, (await newMember()).id)
    await insertDoorRegistration(app.db, open.id, (await newMember()).id, 'waitlisted')
    const hidden = [
      await openEvent({ status: 'cancelled', cancelledAt: NOW }),
      await openEvent({ status: 'draft', publishedAt: null }),
      await insertDoorEvent(app.db, NOW, { startsAt: sh('2026-12-07T10:00:00'), endsAt: sh('2026-12-07T12:00:00') }),
    ]
    const { events: listed } = await app.ok('staffListDoorEvents', {}, clerk)
    const ids = listed.map((x: { id: string }) => x.id)
    expect(ids.indexOf(String(open.id))).toBeLessThan(ids.indexOf(String(later.id)))
    for (const h of hidden) expect(ids).not.toContain(String(h.id))
    expect(listed.find((x: { id: string }) => x.id === String(open.id))).toMatchObject({ registeredCount: 1, waitlistCount: 1, seatsLeft: 4, checkInOpen: true })
    expect(listed.find((x: { id: string }) => x.id === String(later.id))).toMatchObject({ checkInOpen: false })
  })

  it('shows every registration masked, with who checked in and why others cannot, and audits the read', async () => {
    const e = await openEvent()
    const done = await newMember()
    const r = await insertDoorRegistration(app.db, e.id, done.id)
    await app.ok('staffCheckIn', { ticketCode: r.ticketCode, requestId: rid() }, clerk)
    await insertDoorRegistration(app.db, e.id, (await newMember()).id, 'waitlisted')
    await insertDoorRegistration(app.db, e.id, (await newMember()).id, 'cancelled')
    const { entries, event } = await app.ok('staffGetDoorList', { eventId: String(e.id) }, CLERK2)
    expect(event).toMatchObject({ attendedCount: 1, registeredCount: 1, waitlistCount: 1 })
    expect(entries.map((x: { status: string }) => x.status)).toEqual(['attended', expect.anything(), expect.anything()])
    expect(entries[0]).toMatchObject({ checkedIn: { staffName: '店员小王' }, reason: '已签到 14:02 · 店员小王' })
    expect(entries.find((x: { status: string }) => x.status === 'waitlisted')).toMatchObject({ waitlistPosition: 1, reason: '该会员仍在候补中，未获得名额' })
    for (const x of entries) expect(x.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/)
    const [audit] = await app.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1)
    expect(audit).toMatchObject({ action: 'event.door_list', detail: { eventId: e.id, entries: 3 } })
  })

  it('previews a ticket without checking it in (only the audit is written)', async () => {
    const e = await openEvent()
    const m = await newMember()
    const r = await insertDoorRegistration(app.db, e.id, m.id)
    const before = await app.counts()
    expect(await app.ok('staffPreviewTicket', { ticketCode: r.ticketCode }, clerk)).toMatchObject({ entry: { status: 'registered', reason: null }, event: { id: String(e.id) } })
    expect(await app.counts()).toEqual({ ...before, auditLog: before.auditLog + 1 })
    expect(await registration(r.id)).toMatchObject({ status: 'registered' })
  })

  it("shows the member's registrations with an open door in the till's lookup", async () => {
    const m = await newMember()
    const open = await openEvent()
    const waiting = await openEvent()
    const tomorrow = await insertDoorEvent(app.db, NOW, { startsAt: sh('2026-12-07T10:00:00'), endsAt: sh('2026-12-07T12:00:00') })
    const gone = await openEvent()
    await insertDoorRegistration(app.db, open.id, m.id)
    await insertDoorRegistration(app.db, waiting.id, m.id, 'waitlisted')
    await insertDoorRegistration(app.db, tomorrow.id, m.id)
    await insertDoorRegistration(app.db, gone.id, m.id, 'cancelled')
    const { eventEntries } = await app.ok('staffLookupMember', { memberCode: await memberCodeOf(app, m.openid) }, clerk)
    expect(eventEntries.map((x: { eventId: string; status: string }) => [x.eventId, x.status]).sort()).toEqual(
      [
        [String(open.id), 'registered'],
        [String(waiting.id), 'waitlisted'],
      ].sort(),
    )
  })
})

describe('the no-show job', () => {
  it('marks the registered of ended events only (not cancelled events), and a second run changes nothing', async () => {
    const ended = await insertDoorEvent(app.db, NOW, { startsAt: sh('2026-12-06T09:00:00'), endsAt: sh('2026-12-06T11:00:00') })
    const running = await openEvent()
    const off = await insertDoorEvent(app.db, NOW, { startsAt: sh('2026-12-06T09:00:00'), endsAt: sh('2026-12-06T11:00:00'), status: 'cancelled', cancelledAt: NOW })
    const missed = await insertDoorRegistration(app.db, ended.id, (await newMember()).id)
    const came = await insertDoorRegistration(app.db, ended.id, (await newMember()).id, 'attended', { checkedInAt: sh('2026-12-06T09:10:00'), checkedInByStaffId: await clerkId() })
    const notYet = await insertDoorRegistration(app.db, running.id, (await newMember()).id)
    const skipped = await insertDoorRegistration(app.db, off.id, (await newMember()).id)
    const first = await runJob(app.deps, eventNoShowsJob, app.clock.now())
    expect(first).toMatchObject({ status: 'done', counts: { noShows: expect.any(Number) } })
    expect(await registration(missed.id)).toMatchObject({ status: 'no_show', noShowAt: NOW })
    expect(await registration(came.id)).toMatchObject({ status: 'attended' })
    expect(await registration(notYet.id)).toMatchObject({ status: 'registered' })
    expect(await registration(skipped.id)).toMatchObject({ status: 'registered' })
    app.clock.set(sh('2026-12-06T14:12:00'))
    expect(await runJob(app.deps, eventNoShowsJob, app.clock.now())).toMatchObject({ status: 'done', counts: { noShows: 0 } })
    expect(await registration(missed.id)).toMatchObject({ noShowAt: NOW })
  })

  it('works in chunks of one statement each until fewer than a chunk are left', async () => {
    const ended = await insertDoorEvent(app.db, NOW, { startsAt: sh('2026-12-05T09:00:00'), endsAt: sh('2026-12-05T11:00:00') })
    const rows = await Promise.all([1, 2, 3].map(async () => insertDoorRegistration(app.db, ended.id, (await newMember()).id)))
    const [store] = await app.db.select().from(stores).limit(1)
    const input = { asOf: NOW, cursor: null, store }
    expect(await eventNoShowsChunk(app.deps, input, 2)).toMatchObject({ done: false, counts: { noShows: 2 } })
    expect(await eventNoShowsChunk(app.deps, input, 2)).toMatchObject({ done: true, counts: { noShows: 1 } })
    for (const r of rows) expect(await registration(r.id)).toMatchObject({ status: 'no_show' })
  })
})

async function clerkId(): Promise<number> {
  const [row] = await app.db.select({ id: staff.id }).from(staff).where(eq(staff.openid, clerk))
  return row.id
}
