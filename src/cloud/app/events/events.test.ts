import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { createAppFixture, expectBalancesMatchLedger, openNewCard, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { eventCounts, eventRow, registrationRow } from '../../../../tests/helpers/event-fixtures'
import { balanceOf, fundMember, memberIdOf } from '../../../../tests/helpers/mall-fixtures'
import { newTicketCode } from '../../../domain/events/ticket-code'
import { eventFeedback, eventRegistrations, events, members, notifications, notificationTemplates, pointsLedger, staff, stores } from '../../db/schema'
import { loadStoreContext } from '../store-context'
import { cancelRegistration } from './registration-moves'
import { DEMO_OPENIDS } from '../index'

let app: AppFixture
let storeId: number
let clerkId: number
let seq = 0
const uniq = (label = 'r') => `${label}-${++seq}-${Math.random().toString(36).slice(2, 8)}`
/** A wall-clock time in the store's zone (Asia/Shanghai, UTC+8) as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`)
const NOW = sh('2026-11-23T14:02:00')
const refused = (code: string, message?: string) => ({ ok: false, error: message ? { code, message } : { code } })

beforeAll(async () => {
  app = await createAppFixture()
  ;[{ id: storeId }] = await app.db.select({ id: stores.id }).from(stores).limit(1)
  ;[{ id: clerkId }] = await app.db.select({ id: staff.id }).from(staff).where(eq(staff.openid, DEMO_OPENIDS.clerk))
})
afterAll(async () => app?.close())
beforeEach(() => app.clock.set(NOW))

let memberNo = 0
/** A new card (tier normal unless told) with `points` that never expire. */
async function newMember(points = 1_000, tierCode = 'normal'): Promise<{ openid: string; id: number }> {
  const { openid } = await openNewCard(app, `wx-events-m${++memberNo}`)
  const id = await memberIdOf(app.db, openid)
  if (points > 0) await fundMember(app.db, id, points, app.clock.now())
  if (tierCode !== 'normal') await app.db.update(members).set({ tierCode }).where(eq(members.id, id))
  return { openid, id }
}

type EventInput = Partial<typeof events.$inferInsert>
/** A published event starting in 3 days (2 hours long), written straight to its table (the console is another feature's). */
async function insertEvent(o: EventInput = {}): Promise<number> {
  const [row] = await app.db
    .insert(events)
    .values({
      storeId,
      status: 'published',
      title: `测试活动${++seq}`,
      startsAt: sh('2026-11-26T14:00:00'),
      endsAt: sh('2026-11-26T16:00:00'),
      place: '门店二楼',
      capacity: 10,
      publishedAt: sh('2026-11-20T10:00:00'),
      createRequestId: uniq('event'),
      ...o,
    })
    .returning({ id: events.id })
  return row.id
}

type RegistrationInput = Partial<typeof eventRegistrations.$inferInsert>
/** A registration written as sign-up (or the door) would leave it; the event's counters are the caller's to set. */
async function insertRegistration(eventId: number, memberId: number, o: RegistrationInput = {}): Promise<string> {
  const [row] = await app.db
    .insert(eventRegistrations)
    .values({
      storeId,
      eventId,
      memberId,
      status: 'registered',
      requestKey: `${memberId}:${uniq('signup')}`,
      ticketCode: newTicketCode((n) => randomBytes(n)),
      registeredAt: sh('2026-11-21T10:00:00'),
      createdAt: sh('2026-11-21T10:00:00'),
      ...o,
    })
    .returning({ id: eventRegistrations.id })
  return String(row.id)
}

/** Checked in the way the door leaves it: attended, with the time and the clerk. */
const attended = (at = sh('2026-11-26T13:50:00')): RegistrationInput => ({ status: 'attended', checkedInAt: at, checkedInByStaffId: clerkId, checkInCount: 1 })

const cardOf = async (openid: string, eventId: number) => {
  const { events: cards } = await app.ok('listEvents', {}, openid)
  return cards.find((e: { id: string }) => e.id === String(eventId))
}

describe('the 活动 tab', () => {
  it('lists the visible events that have not ended, soonest first, with seats, the waitlist, tiers and the cover', async () => {
    app.clock.set(sh('2030-01-10T12:00:00'))
    const m = await newMember(500)
    const later = await insertEvent({ startsAt: sh('2030-01-20T10:00:00'), endsAt: sh('2030-01-20T12:00:00'), coverKey: 'events/cover.png' })
    const sooner = await insertEvent({ startsAt: sh('2030-01-15T10:00:00'), endsAt: sh('2030-01-15T12:00:00'), capacity: 2, seatsTaken: 2, waitlistCount: 3, waitlistSeq: 4, minTierCode: 'gold' })
    const ongoing = await insertEvent({ startsAt: sh('2030-01-10T11:00:00'), endsAt: sh('2030-01-10T12:00:00') })
    const arrived = await insertEvent({ status: 'scheduled', publishAt: sh('2030-01-10T12:00:00'), publishedAt: null, startsAt: sh('2030-01-25T10:00:00'), endsAt: sh('2030-01-25T11:00:00') })
    const hidden = [
      await insertEvent({ status: 'draft', publishedAt: null }),
      await insertEvent({ status: 'scheduled', publishAt: sh('2030-01-10T12:00:01'), publishedAt: null }),
      await insertEvent({ status: 'cancelled', cancelledAt: sh('2030-01-09T00:00:00') }),
      await insertEvent({ startsAt: sh('2030-01-10T10:00:00'), endsAt: sh('2030-01-10T11:59:59') }),
    ].map(String)
    const { events: cards, pointsBalance } = await app.ok('listEvents', {}, m.openid)
    expect(pointsBalance).toBe(500)
    const ids = cards.map((e: { id: string }) => e.id)
    expect(ids.filter((id: string) => [later, sooner, ongoing, arrived].map(String).includes(id))).toEqual([ongoing, sooner, later, arrived].map(String))
    for (const id of hidden) expect(ids).not.toContain(id)
    const byId = new Map(cards.map((e: { id: string }) => [e.id, e]))
    expect(byId.get(String(sooner))).toMatchObject({ seatsLeft: 0, waitlistCount: 3, minTier: { code: 'gold', name: '金卡' }, signupState: 'tier_locked', reason: '金卡及以上可报名' })
    expect(byId.get(String(later))).toMatchObject({ coverUrl: '/files/events/cover.png', seatsLeft: 10, signupState: 'open', reason: null, shortBy: 0, myRegistration: null })
    expect(byId.get(String(ongoing))).toMatchObject({ signupState: 'ended', reason: '活动进行中，报名已截止' })
  })

  it('says what a seat would cost the caller (积分不足（差 X 分）), and offers the waitlist when full', async () => {
    const m = await newMember(80)
    const costly = await insertEvent({ pointsCost: 100, rewardPoints: 20 })
    const full = await insertEvent({ capacity: 1, seatsTaken: 1 })
    expect(await cardOf(m.openid, costly)).toMatchObject({ signupState: 'open', shortBy: 20, reason: '积分不足（差 20 分）', pointsCost: 100, rewardPoints: 20 })
    expect(await cardOf(m.openid, full)).toMatchObject({ signupState: 'waitlist', seatsLeft: 0, shortBy: 0 })
  })

  it('shows the window: not yet open with when, then open, then closed at signup_until', async () => {
    const m = await newMember()
    const id = await insertEvent({ signupFrom: sh('2026-11-24T10:00:00'), signupUntil: sh('2026-11-25T20:00:00') })
    expect(await cardOf(m.openid, id)).toMatchObject({ signupState: 'not_started', reason: '明天 10:00 开始报名', signupFrom: sh('2026-11-24T10:00:00').toISOString() })
    app.clock.set(sh('2026-11-24T10:00:00'))
    expect(await cardOf(m.openid, id)).toMatchObject({ signupState: 'open' })
    app.clock.set(sh('2026-11-25T20:00:00'))
    expect(await cardOf(m.openid, id)).toMatchObject({ signupState: 'closed', reason: '报名已截止', signupUntil: sh('2026-11-25T20:00:00').toISOString() })
  })

  it('opens early for gold from its time and for everyone else at the general time, to the second in store time', async () => {
    const gold = await newMember(0, 'gold')
    const normal = await newMember(0)
    const id = await insertEvent({ earlyTierCode: 'gold', earlySignupFrom: sh('2026-11-24T00:00:00'), signupFrom: sh('2026-11-25T00:00:00') })
    app.clock.set(sh('2026-11-23T23:59:59'))
    expect(await cardOf(gold.openid, id)).toMatchObject({ signupState: 'not_started', reason: '明天 00:00 开始报名', earlyTier: { code: 'gold' } })
    app.clock.set(sh('2026-11-24T00:00:00'))
    expect(await cardOf(gold.openid, id)).toMatchObject({ signupState: 'open' })
    expect(await cardOf(normal.openid, id)).toMatchObject({ signupState: 'not_started', reason: '明天 00:00 开始报名（金卡及以上可提前报名）' })
    app.clock.set(sh('2026-11-24T23:59:59'))
    expect(await cardOf(normal.openid, id)).toMatchObject({ signupState: 'not_started' })
    app.clock.set(sh('2026-11-25T00:00:00'))
    expect(await cardOf(normal.openid, id)).toMatchObject({ signupState: 'open' })
  })

  it("shows the caller's own registration with the place among those still waiting", async () => {
    const [a, b, c] = [await newMember(), await newMember(), await newMember()]
    const id = await insertEvent({ capacity: 1, seatsTaken: 1, waitlistCount: 2, waitlistSeq: 3 })
    await insertRegistration(id, a.id, { status: 'cancelled', waitlistSeq: 1, registeredAt: null, cancelledAt: NOW, cancelReason: 'member' })
    await insertRegistration(id, b.id, { status: 'waitlisted', waitlistSeq: 2, registeredAt: null })
    const mine = await insertRegistration(id, c.id, { status: 'waitlisted', waitlistSeq: 3, registeredAt: null })
    expect(await cardOf(c.openid, id)).toMatchObject({ myRegistration: { id: mine, status: 'waitlisted', waitlistPosition: 2 }, waitlistCount: 2 })
    expect(await cardOf(a.openid, id)).toMatchObject({ myRegistration: null })
  })
})

describe("an event's page", () => {
  it('shows the cut-off, the change banner and the templates the sign-up tap asks consent for', async () => {
    const m = await newMember()
    const id = await insertEvent({ description: '手冲咖啡体验', changedAt: sh('2026-11-22T09:00:00') })
    const first = await app.ok('getEvent', { eventId: String(id) }, m.openid)
    // The demo store configures a template for each of the three kinds the sign-up tap asks for.
    expect(first).toMatchObject({
      pointsBalance: 1_000,
      subscribeTemplates: [
        { kind: 'event_reminder', templateId: 'DEMO-event-reminder-template' },
        { kind: 'event_waitlist', templateId: 'DEMO-event-waitlist-template' },
        { kind: 'event_changed', templateId: 'DEMO-event-changed-template' },
      ],
    })
    expect(first.event).toMatchObject({ description: '手冲咖啡体验', cancelUntil: sh('2026-11-26T11:00:00').toISOString(), changedAt: sh('2026-11-22T09:00:00').toISOString() })
    // Only configured templates are asked for: without the waitlist's, two ids.
    const [waitlist] = await app.db.delete(notificationTemplates).where(and(eq(notificationTemplates.storeId, storeId), eq(notificationTemplates.kind, 'event_waitlist'))).returning()
    try {
      const { subscribeTemplates } = await app.ok('getEvent', { eventId: String(id) }, m.openid)
      expect(subscribeTemplates).toEqual([
        { kind: 'event_reminder', templateId: 'DEMO-event-reminder-template' },
        { kind: 'event_changed', templateId: 'DEMO-event-changed-template' },
      ])
    } finally {
      const { id: _id, ...restored } = waitlist
      await app.db.insert(notificationTemplates).values(restored)
    }
  })

  it("uses the event's own cut-off over the store's", async () => {
    const m = await newMember()
    const id = await insertEvent({ cancelCutoffHours: 24 })
    expect((await app.ok('getEvent', { eventId: String(id) }, m.openid)).event.cancelUntil).toBe(sh('2026-11-25T14:00:00').toISOString())
  })

  it('hides drafts and events not yet out, but opens a cancelled event for a member who had registered', async () => {
    const [m, other] = [await newMember(), await newMember()]
    const draft = await insertEvent({ status: 'draft', publishedAt: null })
    const early = await insertEvent({ status: 'scheduled', publishAt: sh('2026-11-23T14:02:01'), publishedAt: null })
    const cancelled = await insertEvent({ status: 'cancelled', cancelledAt: NOW })
    await insertRegistration(cancelled, m.id, { status: 'cancelled', cancelledAt: NOW, cancelReason: 'event_cancelled' })
    for (const id of [draft, early, 'abc', '99999999999']) expect(await app.call('getEvent', { eventId: String(id) }, m.openid)).toMatchObject(refused(id === 'abc' ? 'BAD_INPUT' : 'EVENT_NOT_FOUND'))
    expect(await app.ok('getEvent', { eventId: String(cancelled) }, m.openid)).toMatchObject({ event: { signupState: 'cancelled', reason: '活动已取消', myRegistration: null } })
    expect(await app.call('getEvent', { eventId: String(cancelled) }, other.openid)).toMatchObject(refused('EVENT_NOT_FOUND'))
  })
})

describe('我的活动', () => {
  it('sorts registrations into tabs at the moment of reading, newest first, page by page', async () => {
    const m = await newMember()
    const ahead = await insertEvent()
    const ended = await insertEvent({ startsAt: sh('2026-11-20T10:00:00'), endsAt: sh('2026-11-20T12:00:00') })
    const endedToo = await insertEvent({ startsAt: sh('2026-11-21T10:00:00'), endsAt: sh('2026-11-21T12:00:00') })
    const another = await insertEvent()
    const full = await insertEvent({ capacity: 1, seatsTaken: 1, waitlistSeq: 1, waitlistCount: 1 })
    const upcoming = await insertRegistration(ahead, m.id)
    const noShowYet = await insertRegistration(ended, m.id)
    const wentTo = await insertRegistration(endedToo, m.id, attended(sh('2026-11-21T09:55:00')))
    const cancelled = await insertRegistration(another, m.id, { status: 'cancelled', cancelledAt: NOW, cancelReason: 'member' })
    const waiting = await insertRegistration(full, m.id, { status: 'waitlisted', waitlistSeq: 1, registeredAt: null })
    // A waitlister of an event that has started never got a seat: 已结束, not 候补中.
    const started = await insertEvent({ startsAt: sh('2026-11-23T14:00:00'), endsAt: sh('2026-11-23T18:00:00'), capacity: 1, seatsTaken: 1, waitlistSeq: 1, waitlistCount: 1 })
    const missed = await insertRegistration(started, m.id, { status: 'waitlisted', waitlistSeq: 1, registeredAt: null })
    const tab = async (name: string, extra = {}) => app.ok('listMyRegistrations', { tab: name, ...extra }, m.openid)
    const ids = (r: { registrations: Array<{ id: string }> }) => r.registrations.map((x) => x.id)
    expect(ids(await tab('upcoming'))).toEqual([upcoming])
    expect(ids(await tab('waitlist'))).toEqual([waiting])
    expect((await tab('waitlist')).registrations[0]).toMatchObject({ waitlistPosition: 1, cancellable: true, pointsPaid: 0 })
    expect(ids(await tab('past'))).toEqual([missed, wentTo, noShowYet])
    expect(ids(await tab('cancelled'))).toEqual([cancelled])
    const page1 = await tab('past', { limit: 2 })
    expect(ids(page1)).toEqual([missed, wentTo])
    expect(page1.nextCursor).toBe(wentTo)
    const page2 = await tab('past', { limit: 2, cursor: page1.nextCursor })
    expect([ids(page2), page2.nextCursor]).toEqual([[noShowYet], null])
    expect((await tab('past')).registrations.find((r: { id: string }) => r.id === noShowYet)).toMatchObject({ status: 'registered', cancellable: false, canGiveFeedback: false })
    for (const r of [...(await tab('upcoming')).registrations, ...(await tab('past')).registrations]) expect(r.ticketCode).toBeUndefined()
  })

  it('shows the ticket only in the detail and only while it holds a seat; another member finds nothing', async () => {
    const [a, b] = [await newMember(), await newMember()]
    const id = await insertEvent({ changedAt: sh('2026-11-22T09:00:00') })
    const live = await insertRegistration(id, a.id)
    const gone = await insertRegistration(await insertEvent(), a.id, { status: 'cancelled', cancelledAt: NOW, cancelReason: 'member' })
    const { registration } = await app.ok('getMyRegistration', { registrationId: live }, a.openid)
    expect(registration).toMatchObject({ status: 'registered', cancellable: true, cancelUntil: sh('2026-11-26T11:00:00').toISOString(), eventChangedAt: sh('2026-11-22T09:00:00').toISOString(), eventCancelled: false })
    expect(registration.ticketCode).toMatch(/^E1\d{20}$/)
    expect((await app.ok('getMyRegistration', { registrationId: gone }, a.openid)).registration.ticketCode).toBeUndefined()
    expect(await app.call('getMyRegistration', { registrationId: live }, b.openid)).toMatchObject(refused('REGISTRATION_NOT_FOUND'))
  })

  it('stops offering the cancel at the cut-off, 3 hours before the start', async () => {
    const m = await newMember()
    const reg = await insertRegistration(await insertEvent(), m.id)
    app.clock.set(sh('2026-11-26T10:59:59'))
    expect((await app.ok('getMyRegistration', { registrationId: reg }, m.openid)).registration.cancellable).toBe(true)
    app.clock.set(sh('2026-11-26T11:00:00'))
    expect((await app.ok('getMyRegistration', { registrationId: reg }, m.openid)).registration.cancellable).toBe(false)
  })
})

describe('feedback', () => {
  const feedbackCount = async () => (await app.db.select({ id: eventFeedback.registrationId }).from(eventFeedback)).length
  const give = (registrationId: string, openid: string, rating: unknown = 5, comment?: string) =>
    app.call('submitEventFeedback', { registrationId, rating, ...(comment === undefined ? {} : { comment }) }, openid)

  it('is refused before check-in and for a waitlister, and for another member, writing nothing', async () => {
    const [m, other] = [await newMember(), await newMember()]
    const id = await insertEvent()
    const reg = await insertRegistration(id, m.id)
    const before = await feedbackCount()
    expect(await give(reg, m.openid)).toMatchObject(refused('FEEDBACK_NOT_ALLOWED', '签到后才能评价该活动'))
    expect(await give(reg, other.openid)).toMatchObject(refused('REGISTRATION_NOT_FOUND'))
    expect((await app.ok('getMyRegistration', { registrationId: reg }, m.openid)).registration.canGiveFeedback).toBe(false)
    expect(await feedbackCount()).toBe(before)
  })

  it('takes stars and a comment after check-in, changeable for 7 days and locked a second later', async () => {
    const m = await newMember()
    const reg = await insertRegistration(await insertEvent(), m.id, attended())
    const at = sh('2026-11-26T17:00:00')
    app.clock.set(at)
    expect((await app.ok('getMyRegistration', { registrationId: reg }, m.openid)).registration).toMatchObject({ canGiveFeedback: true, feedback: null })
    const first = await app.ok('submitEventFeedback', { registrationId: reg, rating: 4, comment: '  很好  ' }, m.openid)
    const until = new Date(at.getTime() + 7 * 86_400_000)
    expect(first.feedback).toEqual({ rating: 4, comment: '很好', createdAt: at.toISOString(), editableUntil: until.toISOString() })
    app.clock.set(until)
    expect(await app.ok('submitEventFeedback', { registrationId: reg, rating: 5 }, m.openid)).toMatchObject({ feedback: { rating: 5, comment: null, createdAt: at.toISOString() } })
    app.clock.set(new Date(until.getTime() + 1_000))
    expect((await app.ok('getMyRegistration', { registrationId: reg }, m.openid)).registration).toMatchObject({ canGiveFeedback: false, feedback: { rating: 5 } })
    expect(await give(reg, m.openid, 1, '改主意了')).toMatchObject(refused('FEEDBACK_LOCKED'))
    const rows = await app.db.select().from(eventFeedback).where(eq(eventFeedback.registrationId, Number(reg)))
    expect(rows).toEqual([expect.objectContaining({ rating: 5, comment: null })])
  })

  it('refuses bad input (stars outside 1–5, a comment over 500 characters) and writes nothing', async () => {
    const m = await newMember()
    const reg = await insertRegistration(await insertEvent(), m.id, attended())
    const before = await feedbackCount()
    for (const [rating, comment] of [[0, undefined], [6, undefined], [4.5, undefined], ['5', undefined], [5, '好'.repeat(501)]] as const) {
      expect(await give(reg, m.openid, rating, comment)).toMatchObject(refused('BAD_INPUT'))
    }
    expect(await give(reg, m.openid, 5, '好'.repeat(500))).toMatchObject({ ok: true })
    expect(await feedbackCount()).toBe(before + 1)
  })
})

const signUp = (eventId: number, openid: string, requestId = uniq('tap')) => app.call('signUpForEvent', { eventId: String(eventId), requestId }, openid)
const cancel = (registrationId: string, openid: string) => app.call('cancelMyRegistration', { registrationId }, openid)
const eventEntries = (memberId: number) => app.db.select().from(pointsLedger).where(and(eq(pointsLedger.memberId, memberId), eq(pointsLedger.reason, 'event')))
const noticesOf = (memberId: number) => app.db.select().from(notifications).where(and(eq(notifications.memberId, memberId), eq(notifications.kind, 'event_waitlist')))

describe('signing up', () => {
  it('charges the cost with the seat in one transaction; a retry returns the first; a second sign-up is refused', async () => {
    const m = await newMember(500)
    const id = await insertEvent({ pointsCost: 100 })
    const requestId = uniq('tap')
    const first = await app.ok('signUpForEvent', { eventId: String(id), requestId }, m.openid)
    expect(first).toMatchObject({ repeated: false, pointsBalance: 400, registration: { status: 'registered', pointsPaid: 100, eventId: String(id), cancellable: true } })
    expect(first.registration.ticketCode).toBeUndefined()
    expect((await eventEntries(m.id)).map((e) => e.delta)).toEqual([-100])
    expect(await eventRow(app.db, id)).toMatchObject({ seatsTaken: 1, waitlistCount: 0 })
    const before = await eventCounts(app.db)
    expect(await signUp(id, m.openid, requestId)).toMatchObject({ ok: true, data: { repeated: true, registration: { id: first.registration.id } } })
    expect(await signUp(id, m.openid)).toMatchObject(refused('EVENT_ALREADY_REGISTERED', '您已报名该活动'))
    expect(await eventCounts(app.db)).toEqual(before)
    expect(await balanceOf(app.db, m.id)).toBe(400)
    await expectBalancesMatchLedger(app.db)
  })

  it('puts a member on the waitlist when every seat is taken, charging nothing, in arrival order', async () => {
    const [a, b, c] = [await newMember(500), await newMember(500), await newMember(500)]
    const id = await insertEvent({ capacity: 1, pointsCost: 100 })
    await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, a.openid)
    const second = await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, b.openid)
    const third = await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, c.openid)
    expect(second).toMatchObject({ pointsBalance: 500, registration: { status: 'waitlisted', waitlistPosition: 1, pointsPaid: 0 } })
    expect(third.registration.waitlistPosition).toBe(2)
    expect([await eventEntries(b.id), await eventEntries(c.id)]).toEqual([[], []])
    expect(await cardOf(c.openid, id)).toMatchObject({ seatsLeft: 0, waitlistCount: 2, myRegistration: { status: 'waitlisted', waitlistPosition: 2 } })
  })

  it('refuses every reason with its typed code and Chinese words, writing nothing', async () => {
    const m = await newMember(80)
    const cases: Array<[EventInput, Record<string, unknown>]> = [
      [{ status: 'draft', publishedAt: null }, refused('EVENT_NOT_FOUND')],
      [{ status: 'scheduled', publishAt: sh('2026-11-23T14:02:01'), publishedAt: null }, refused('EVENT_NOT_FOUND')],
      [{ status: 'cancelled', cancelledAt: NOW }, refused('EVENT_CANCELLED', '该活动已取消')],
      [{ startsAt: sh('2026-11-22T10:00:00'), endsAt: sh('2026-11-22T12:00:00') }, refused('EVENT_ENDED', '活动已结束')],
      [{ startsAt: sh('2026-11-23T14:00:00'), endsAt: sh('2026-11-23T16:00:00') }, refused('EVENT_SIGNUP_CLOSED', '活动进行中，报名已截止')],
      [{ signupFrom: sh('2026-11-24T10:00:00') }, refused('EVENT_SIGNUP_NOT_STARTED', '明天 10:00 开始报名')],
      [{ signupUntil: NOW }, refused('EVENT_SIGNUP_CLOSED', '报名已截止')],
      [{ minTierCode: 'gold' }, refused('EVENT_TIER_LOCKED', '金卡及以上可报名')],
      [{ pointsCost: 100 }, refused('POINTS_INSUFFICIENT', '积分不足（差 20 分）')],
    ]
    for (const [o, expected] of cases) {
      const id = await insertEvent(o)
      const before = await eventCounts(app.db)
      expect(await signUp(id, m.openid)).toMatchObject(expected)
      expect(await eventCounts(app.db)).toEqual(before)
      expect(await eventRow(app.db, id)).toMatchObject({ seatsTaken: 0, waitlistCount: 0, waitlistSeq: 0 })
    }
    const id = await insertEvent()
    const before = await eventCounts(app.db)
    for (const input of [{ eventId: String(id) }, { eventId: 'abc', requestId: uniq() }, { eventId: String(id), requestId: uniq(), extra: 1 }]) {
      expect(await app.call('signUpForEvent', input, m.openid)).toMatchObject(refused('BAD_INPUT'))
    }
    expect(await signUp(999_999_999, m.openid)).toMatchObject(refused('EVENT_NOT_FOUND'))
    expect(await eventCounts(app.db)).toEqual(before)
    expect(await balanceOf(app.db, m.id)).toBe(80)
  })

  it('lets gold in from the early time and a normal member only from the general time, at 23:59:59 and 00:00:00 store time', async () => {
    const gold = await newMember(0, 'gold')
    const normal = await newMember(0)
    const id = await insertEvent({ earlyTierCode: 'gold', earlySignupFrom: sh('2026-11-24T00:00:00'), signupFrom: sh('2026-11-25T00:00:00') })
    app.clock.set(sh('2026-11-23T23:59:59'))
    expect(await signUp(id, gold.openid)).toMatchObject(refused('EVENT_SIGNUP_NOT_STARTED', '明天 00:00 开始报名'))
    app.clock.set(sh('2026-11-24T00:00:00'))
    expect(await signUp(id, gold.openid)).toMatchObject({ ok: true, data: { registration: { status: 'registered' } } })
    expect(await signUp(id, normal.openid)).toMatchObject(refused('EVENT_SIGNUP_NOT_STARTED', '明天 00:00 开始报名（金卡及以上可提前报名）'))
    app.clock.set(sh('2026-11-24T23:59:59'))
    expect(await signUp(id, normal.openid)).toMatchObject(refused('EVENT_SIGNUP_NOT_STARTED'))
    app.clock.set(sh('2026-11-25T00:00:00'))
    expect(await signUp(id, normal.openid)).toMatchObject({ ok: true, data: { registration: { status: 'registered' } } })
  })
})

describe('cancelling', () => {
  it('refunds the points and gives the seat to the first waitlister in the same call, charging and telling them', async () => {
    const [a, b, c] = [await newMember(300), await newMember(300), await newMember(300)]
    const id = await insertEvent({ capacity: 1, pointsCost: 100 })
    const seat = (await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, a.openid)).registration.id
    const bReg = (await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, b.openid)).registration.id
    await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, c.openid)
    const done = await app.ok('cancelMyRegistration', { registrationId: seat }, a.openid)
    expect(done).toMatchObject({ pointsBalance: 300, registration: { status: 'cancelled', cancelReason: 'member', pointsRefunded: 100, cancellable: false } })
    const [refund] = await app.db.select().from(pointsLedger).where(and(eq(pointsLedger.memberId, a.id), eq(pointsLedger.reason, 'refund')))
    expect(refund).toMatchObject({ delta: 100, reversesEntryId: (await registrationRow(app.db, Number(seat))).debitEntryId })
    expect((await app.ok('getMyRegistration', { registrationId: bReg }, b.openid)).registration).toMatchObject({ status: 'registered', pointsPaid: 100 })
    expect(await balanceOf(app.db, b.id)).toBe(200)
    expect(await noticesOf(b.id)).toEqual([expect.objectContaining({ title: '候补成功' })])
    expect(await cardOf(c.openid, id)).toMatchObject({ seatsLeft: 0, waitlistCount: 1, myRegistration: { waitlistPosition: 1 } })
    expect(await eventRow(app.db, id)).toMatchObject({ seatsTaken: 1, waitlistCount: 1 })
    expect(await cancel(seat, a.openid)).toMatchObject(refused('REGISTRATION_NOT_CANCELLABLE'))
    await expectBalancesMatchLedger(app.db)
  })

  it('skips a waitlister who can no longer pay, with a notice, and promotes the next one', async () => {
    const [a, b, c] = [await newMember(100), await newMember(0), await newMember(100)]
    // B's points expire after B joins the waitlist: at promotion B can no longer pay.
    await fundMember(app.db, b.id, 100, NOW, sh('2026-11-24T00:00:00'))
    const id = await insertEvent({ capacity: 1, pointsCost: 100 })
    const seat = (await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, a.openid)).registration.id
    const bReg = (await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, b.openid)).registration.id
    const cReg = (await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, c.openid)).registration.id
    app.clock.set(sh('2026-11-24T09:00:00'))
    await app.ok('cancelMyRegistration', { registrationId: seat }, a.openid)
    expect((await app.ok('getMyRegistration', { registrationId: bReg }, b.openid)).registration).toMatchObject({ status: 'cancelled', cancelReason: 'promotion_skipped', pointsPaid: 0 })
    expect(await noticesOf(b.id)).toEqual([expect.objectContaining({ title: '候补未能转正' })])
    expect(await eventEntries(b.id)).toEqual([])
    expect((await app.ok('getMyRegistration', { registrationId: cReg }, c.openid)).registration).toMatchObject({ status: 'registered', pointsPaid: 100 })
    expect(await eventRow(app.db, id)).toMatchObject({ seatsTaken: 1, waitlistCount: 0 })
    await expectBalancesMatchLedger(app.db)
  })

  it('lets a registered member cancel until 3 hours before the start and not at exactly 3 hours; a waitlister may still leave', async () => {
    const [a, b, w] = [await newMember(), await newMember(), await newMember()]
    const id = await insertEvent({ capacity: 2 })
    const first = (await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, a.openid)).registration.id
    const second = (await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, b.openid)).registration.id
    const waiting = (await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, w.openid)).registration.id
    app.clock.set(sh('2026-11-26T10:59:59'))
    expect(await cancel(first, a.openid)).toMatchObject({ ok: true, data: { registration: { status: 'cancelled' } } })
    // The freed seat went to the waitlister.
    expect((await app.ok('getMyRegistration', { registrationId: waiting }, w.openid)).registration.status).toBe('registered')
    app.clock.set(sh('2026-11-26T11:00:00'))
    const before = await eventCounts(app.db)
    expect(await cancel(second, b.openid)).toMatchObject(refused('REGISTRATION_CANCEL_CUTOFF', '已超过可取消报名的时间'))
    expect(await eventCounts(app.db)).toEqual(before)
    const late = await newMember()
    const lateReg = (await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, late.openid)).registration
    expect(lateReg).toMatchObject({ status: 'waitlisted', cancellable: true })
    expect(await cancel(lateReg.id, late.openid)).toMatchObject({ ok: true, data: { registration: { status: 'cancelled' } } })
  })

  it("refuses another member's registration as not found, changing nothing", async () => {
    const [a, b] = [await newMember(), await newMember()]
    const reg = (await app.ok('signUpForEvent', { eventId: String(await insertEvent()), requestId: uniq() }, a.openid)).registration.id
    const before = await eventCounts(app.db)
    expect(await cancel(reg, b.openid)).toMatchObject(refused('REGISTRATION_NOT_FOUND'))
    expect(await app.call('getMyRegistration', { registrationId: reg }, b.openid)).toMatchObject(refused('REGISTRATION_NOT_FOUND'))
    expect(await eventCounts(app.db)).toEqual(before)
    expect((await registrationRow(app.db, Number(reg))).status).toBe('registered')
  })

  it('leaves no outbox row behind when the transaction that promoted someone rolls back', async () => {
    const [a, b] = [await newMember(), await newMember()]
    const id = await insertEvent({ capacity: 1 })
    const seat = (await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, a.openid)).registration.id
    await app.ok('signUpForEvent', { eventId: String(id), requestId: uniq() }, b.openid)
    const before = await eventCounts(app.db)
    const row = await registrationRow(app.db, Number(seat))
    let queued = 0
    await expect(
      app.db.transaction(async (tx) => {
        const ctx = await loadStoreContext(tx, app.config, NOW)
        await cancelRegistration(ctx, row, 'member')
        // Inside the transaction the promotion's notice is there…
        queued = (await tx.select().from(notifications).where(and(eq(notifications.memberId, b.id), eq(notifications.kind, 'event_waitlist')))).length
        throw new Error('refused after queueing')
      }),
    ).rejects.toThrow('refused after queueing')
    expect(queued).toBe(1)
    // …and with the rollback it is gone, with everything else.
    expect(await eventCounts(app.db)).toEqual(before)
    expect(await noticesOf(b.id)).toEqual([])
    expect(await eventRow(app.db, id)).toMatchObject({ seatsTaken: 1, waitlistCount: 1 })
  })
})
