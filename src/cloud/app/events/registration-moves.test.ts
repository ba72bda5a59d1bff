import { eq } from 'drizzle-orm'
import { createAppFixture, expectBalancesMatchLedger, openNewCard, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { eventRow, insertEvent, registrationRow, registrationsOf } from '../../../../tests/helpers/event-fixtures'
import { balanceOf, fundMember, memberIdOf } from '../../../../tests/helpers/mall-fixtures'
import { lockMemberForIssue } from '../../db/repositories/member-coupons'
import { findEvent } from '../../db/repositories/events'
import { notifications, pointsLedger } from '../../db/schema'
import { loadStoreContext, type UseCaseContext } from '../store-context'
import { cancelEventRegistrations, cancelRegistration, signUp } from './registration-moves'

/**
 * The events' money-like moves on their own (the operations that call them are tested through dispatch in
 * events.test.ts): seats and the waitlist by the event row's guarded update, the charge with the seat, the refund
 * and the promotion with a cancel, the event's cancellation.
 */
let app: AppFixture
const sh = (local: string) => new Date(`${local}+08:00`)
const NOW = sh('2026-11-23T10:00:00')

beforeAll(async () => {
  app = await createAppFixture()
})
afterAll(async () => app?.close())
beforeEach(() => app.clock.set(NOW))

let n = 0
async function member(points = 0): Promise<number> {
  const { openid } = await openNewCard(app, `wx-moves-${++n}`)
  const id = await memberIdOf(app.db, openid)
  if (points > 0) await fundMember(app.db, id, points, NOW)
  return id
}

/** Runs `fn` in one transaction with the store's context at NOW, as dispatch would. */
function inTx<T>(fn: (ctx: UseCaseContext) => Promise<T>): Promise<T> {
  return app.db.transaction(async (tx) => fn(await loadStoreContext(tx, app.config, app.clock.now())))
}

const signUpAs = (memberId: number, eventId: number, key = `k-${memberId}-${eventId}-${Math.random()}`) =>
  inTx(async (ctx) => {
    const m = await lockMemberForIssue(ctx.tx, memberId)
    const e = await findEvent(ctx.tx, ctx.store.id, eventId)
    return signUp(ctx, m!, e!, key)
  })

describe('signUp', () => {
  it('seats members while seats are free, charging the cost with the seat, then puts the rest on the waitlist uncharged, in order', async () => {
    const event = await insertEvent(app.db, NOW, { capacity: 2, pointsCost: 30 })
    const [a, b, c, d] = [await member(100), await member(100), await member(100), await member(0)]
    const ra = await signUpAs(a, event.id)
    const rb = await signUpAs(b, event.id)
    const rc = await signUpAs(c, event.id)
    const rd = await signUpAs(d, event.id)
    expect([ra, rb].map((x) => [x.registration.status, x.registration.pointsPaid, x.pointsBalance])).toEqual([
      ['registered', 30, 70],
      ['registered', 30, 70],
    ])
    expect([rc, rd].map((x) => [x.registration.status, x.registration.waitlistSeq, x.registration.pointsPaid])).toEqual([
      ['waitlisted', 1, 0],
      ['waitlisted', 2, 0],
    ])
    expect(await balanceOf(app.db, c)).toBe(100)
    expect(await eventRow(app.db, event.id)).toMatchObject({ seatsTaken: 2, waitlistCount: 2, waitlistSeq: 2 })
    const debits = await app.db.select().from(pointsLedger).where(eq(pointsLedger.requestId, `event-signup:${ra.registration.id}`))
    expect(debits).toEqual([expect.objectContaining({ reason: 'event', delta: -30 })])
    await expectBalancesMatchLedger(app.db)
  })

  it('refuses a second live registration, and a seat the member cannot pay rolls back with the whole transaction', async () => {
    const event = await insertEvent(app.db, NOW, { capacity: 5, pointsCost: 50 })
    const rich = await member(100)
    await signUpAs(rich, event.id)
    await expect(signUpAs(rich, event.id)).rejects.toMatchObject({ code: 'EVENT_ALREADY_REGISTERED' })
    const poor = await member(20)
    await expect(signUpAs(poor, event.id)).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT', message: '积分不足（差 30 分）' })
    expect(await eventRow(app.db, event.id)).toMatchObject({ seatsTaken: 1, waitlistCount: 0 })
    expect(await registrationsOf(app.db, event.id)).toHaveLength(1)
  })
})

describe('cancelRegistration', () => {
  it('refunds the seat into its lots and promotes the first waitlister in the same transaction, charging and telling them', async () => {
    const event = await insertEvent(app.db, NOW, { capacity: 1, pointsCost: 40 })
    const [a, b, c] = [await member(100), await member(100), await member(100)]
    const ra = (await signUpAs(a, event.id)).registration
    const rb = (await signUpAs(b, event.id)).registration
    await signUpAs(c, event.id)
    const out = await inTx((ctx) => cancelRegistration(ctx, ra, 'member'))
    expect(out).toMatchObject({ pointsRefunded: 40, pointsBalance: 100, registration: { status: 'cancelled', cancelReason: 'member' } })
    expect(await registrationRow(app.db, rb.id)).toMatchObject({ status: 'registered', pointsPaid: 40, registeredAt: NOW })
    expect(await balanceOf(app.db, b)).toBe(60)
    expect(await eventRow(app.db, event.id)).toMatchObject({ seatsTaken: 1, waitlistCount: 1 })
    const told = await app.db.select().from(notifications).where(eq(notifications.dedupeKey, `event_promoted:${rb.id}`))
    expect(told).toEqual([expect.objectContaining({ memberId: b, kind: 'event_waitlist', title: '候补成功' })])
    await expect(inTx((ctx) => cancelRegistration(ctx, ra, 'member'))).rejects.toMatchObject({ code: 'REGISTRATION_NOT_CANCELLABLE' })
    await expectBalancesMatchLedger(app.db)
  })

  it('skips a waitlister who can no longer pay (told why) and promotes the next one', async () => {
    const event = await insertEvent(app.db, NOW, { capacity: 1, pointsCost: 50 })
    const [a, broke, next] = [await member(50), await member(0), await member(60)]
    const ra = (await signUpAs(a, event.id)).registration
    const rBroke = (await signUpAs(broke, event.id)).registration
    const rNext = (await signUpAs(next, event.id)).registration
    await inTx((ctx) => cancelRegistration(ctx, ra, 'member'))
    expect(await registrationRow(app.db, rBroke.id)).toMatchObject({ status: 'cancelled', cancelReason: 'promotion_skipped' })
    expect(await registrationRow(app.db, rNext.id)).toMatchObject({ status: 'registered', pointsPaid: 50 })
    const [skipped] = await app.db.select().from(notifications).where(eq(notifications.dedupeKey, `event_waitlist_skipped:${rBroke.id}`))
    expect(skipped.body).toContain('积分不足')
    expect(await eventRow(app.db, event.id)).toMatchObject({ seatsTaken: 1, waitlistCount: 0 })
  })

  it('lets a waitlister leave without touching seats or points', async () => {
    const event = await insertEvent(app.db, NOW, { capacity: 1 })
    await signUpAs(await member(), event.id)
    const w = (await signUpAs(await member(), event.id)).registration
    await inTx((ctx) => cancelRegistration(ctx, w, 'member'))
    expect(await eventRow(app.db, event.id)).toMatchObject({ seatsTaken: 1, waitlistCount: 0 })
  })
})

describe('cancelEventRegistrations', () => {
  it('cancels every registered and waitlisted registration, refunds the seats and tells each member', async () => {
    const event = await insertEvent(app.db, NOW, { capacity: 2, pointsCost: 10 })
    const ids = [await member(10), await member(10), await member(10)]
    for (const id of ids) await signUpAs(id, event.id)
    const out = await inTx(async (ctx) => cancelEventRegistrations(ctx, (await findEvent(ctx.tx, ctx.store.id, event.id))!, '场地维修'))
    expect(out).toEqual({ cancelled: 3, pointsRefunded: 20 })
    expect((await registrationsOf(app.db, event.id)).map((r) => [r.status, r.cancelReason])).toEqual([
      ['cancelled', 'event_cancelled'],
      ['cancelled', 'event_cancelled'],
      ['cancelled', 'event_cancelled'],
    ])
    expect(await Promise.all(ids.map((id) => balanceOf(app.db, id)))).toEqual([10, 10, 10])
    expect(await eventRow(app.db, event.id)).toMatchObject({ seatsTaken: 0, waitlistCount: 0 })
    await expectBalancesMatchLedger(app.db)
  })
})
