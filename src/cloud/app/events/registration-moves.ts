import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { AppError, type RegistrationCancelReason } from '../../../contract'
import { tierAtLeast } from '../../../domain/events/event-rules'
import { newTicketCode } from '../../../domain/events/ticket-code'
import {
  eventCancelledNotification,
  eventPromotedNotification,
  eventWaitlistSkippedNotification,
  type EventFacts,
} from '../../../domain/notifications/event-notifications'
import { claimSeatOrWaitlist, lockEvent, moveEventCounts, type EventRow } from '../../db/repositories/events'
import {
  cancelRegistrationRow,
  insertRegistration,
  lockFirstWaitlisted,
  lockRegistrationsOfEvent,
  promoteRow,
  recordRefund,
  recordSeatPayment,
  type RegistrationRow,
} from '../../db/repositories/event-registrations'
import { lockMemberForIssue } from '../../db/repositories/member-coupons'
import type { MemberRow } from '../../db/repositories/members'
import { postPoints } from '../../db/repositories/points-ledger'
import { readPointsOutlook, readReturnablePoints } from '../../db/repositories/points-lots'
import { members } from '../../db/schema'
import { enqueueNotification } from '../notifications/enqueue'
import type { UseCaseContext } from '../store-context'

/**
 * The money-like moves of events: a seat (charged), a waitlist place (never charged), a cancel (refunded, and the
 * freed seat promoted in the same transaction), the event's cancellation. Each runs inside the caller's one
 * transaction and enforces its limits by writes: the event row's guarded update for seats and waitlist order,
 * the partial unique index for one live registration per member, guarded status changes for once-only moves.
 * Lock order: the member row first (the caller locks it), then the event row, then a promoted member.
 */

const facts = (e: EventRow): EventFacts => ({ eventId: e.id, title: e.title, startsAt: e.startsAt, place: e.place })

export interface SignedUp {
  registration: RegistrationRow
  pointsBalance: number
}

/**
 * Signs `member` (locked by the caller) up for `event` (its rules already checked at ctx.now): a seat while one is
 * free, charged the points cost, else the next waitlist place. EVENT_ALREADY_REGISTERED when a live registration
 * exists (also between two sign-ups at once: the unique index decides); POINTS_INSUFFICIENT (积分不足（差 X 分）)
 * rolls the seat back with everything else.
 */
export async function signUp(ctx: UseCaseContext, member: MemberRow, event: EventRow, requestKey: string): Promise<SignedUp> {
  const claim = await claimSeatOrWaitlist(ctx.tx, event.id)
  if (!claim) throw new AppError('EVENT_CANCELLED')
  const inserted = await insertRegistration(ctx.tx, {
    storeId: ctx.store.id,
    eventId: event.id,
    memberId: member.id,
    status: claim.seated ? 'registered' : 'waitlisted',
    source: 'signup',
    requestKey,
    ticketCode: newTicketCode((n) => randomBytes(n)),
    waitlistSeq: claim.waitlistSeq,
    registeredAt: claim.seated ? ctx.now : null,
    createdAt: ctx.now,
  })
  if (!inserted) throw new AppError('EVENT_ALREADY_REGISTERED')
  if (!claim.seated || claim.event.pointsCost === 0) return { registration: inserted, pointsBalance: member.pointsBalance }
  const debit = await chargeSeat(ctx, member.id, claim.event, inserted.id)
  return { registration: await recordSeatPayment(ctx.tx, inserted.id, claim.event.pointsCost, debit.entryId), pointsBalance: debit.pointsBalance }
}

/** The seat's 'event' debit, keyed by the registration (a promotion charges with the same key: one charge per seat). */
async function chargeSeat(ctx: UseCaseContext, memberId: number, event: EventRow, registrationId: number) {
  try {
    return await postPoints(ctx.tx, {
      storeId: ctx.store.id,
      memberId,
      reason: 'event',
      delta: -event.pointsCost,
      requestId: `event-signup:${registrationId}`,
      note: `活动报名：${event.title}`,
      expiresAt: null,
      createdAt: ctx.now,
    })
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'POINTS_INSUFFICIENT') throw e
    const { usable } = await readPointsOutlook(ctx.tx, memberId, ctx.now)
    throw new AppError('POINTS_INSUFFICIENT', `积分不足（差 ${event.pointsCost - Math.max(0, usable)} 分）`)
  }
}

export interface Cancelled {
  registration: RegistrationRow
  pointsRefunded: number
  /** The member's balance after the refund; null when nothing was refunded (the caller has it). */
  pointsBalance: number | null
}

/**
 * Cancels a registered or waitlisted registration, once (a second cancel, or one racing a check-in, finds
 * nothing: REGISTRATION_NOT_CANCELLABLE). A seat's points go back into the lots they came from (points whose lots
 * expired meanwhile are not returned, as for the mall), the seat is freed and given to the first waitlister in
 * this same transaction; a waitlister just leaves the line. The cut-off is the caller's rule (the member's, not
 * the event's cancellation).
 */
export async function cancelRegistration(ctx: UseCaseContext, r: RegistrationRow, reason: RegistrationCancelReason): Promise<Cancelled> {
  const member = await lockMemberForIssue(ctx.tx, r.memberId)
  if (!member) throw new Error(`cancelRegistration: member ${r.memberId} not found`)
  const done = await cancelRegistrationRow(ctx.tx, r.id, ['registered', 'waitlisted'], reason, ctx.now)
  if (!done) throw new AppError('REGISTRATION_NOT_CANCELLABLE')
  const refund = done.wasStatus === 'registered' ? await refundSeat(ctx, done.row, member) : { points: 0, balance: null }
  const event = await lockEvent(ctx.tx, ctx.store.id, r.eventId)
  if (!event) throw new Error(`cancelRegistration: event ${r.eventId} not found`)
  if (done.wasStatus === 'registered') {
    const after = await moveEventCounts(ctx.tx, event.id, { seats: -1 })
    if (reason !== 'event_cancelled') await promoteWaitlist(ctx, after)
  } else {
    await moveEventCounts(ctx.tx, event.id, { waitlist: -1 })
  }
  return { registration: { ...done.row, pointsRefunded: refund.points }, pointsRefunded: refund.points, pointsBalance: refund.balance }
}

/** The seat's points back into their lots (a 'refund' reversing its debit); a closed card gets nothing back. */
async function refundSeat(ctx: UseCaseContext, r: RegistrationRow, member: MemberRow): Promise<{ points: number; balance: number | null }> {
  const returnable = r.debitEntryId === null ? 0 : await readReturnablePoints(ctx.tx, r.debitEntryId, ctx.now)
  if (returnable <= 0 || member.status !== 'active') {
    await recordRefund(ctx.tx, r.id, null, 0)
    return { points: 0, balance: null }
  }
  const posted = await postPoints(ctx.tx, {
    storeId: ctx.store.id,
    memberId: r.memberId,
    reason: 'refund',
    delta: returnable,
    requestId: `event-refund:${r.id}`,
    note: '取消活动报名，积分退回',
    expiresAt: null,
    createdAt: ctx.now,
    reversesEntryId: r.debitEntryId,
  })
  await recordRefund(ctx.tx, r.id, posted.entryId, returnable)
  return { points: returnable, balance: posted.pointsBalance }
}

/**
 * Fills every free seat from the waitlist, first come first served, under the event row's lock (so concurrent
 * cancels promote one waitlister per freed seat, never more than the capacity). Each waitlister's turn is decided
 * now: a closed card, a tier below the event's minimum, or too few points (积分不足) skips them: they leave the
 * waitlist with a notice and the next one is asked. The promoted are charged then (never while waiting) and told.
 * Nobody is promoted once the event has started or when it is cancelled. Returns how many were promoted.
 */
export async function promoteWaitlist(ctx: UseCaseContext, given: EventRow): Promise<number> {
  const event = await lockEvent(ctx.tx, ctx.store.id, given.id)
  if (!event || event.status === 'cancelled' || ctx.now.getTime() >= event.startsAt.getTime()) return 0
  let free = event.capacity - event.seatsTaken
  let promoted = 0
  let gone = 0
  while (free > 0) {
    const next = await lockFirstWaitlisted(ctx.tx, event.id)
    if (!next) break
    gone++
    const outcome = await promoteOne(ctx, event, next)
    if (outcome === 'promoted') {
      promoted++
      free--
    }
  }
  if (gone > 0) await moveEventCounts(ctx.tx, event.id, { seats: promoted, waitlist: -gone })
  return promoted
}

async function promoteOne(ctx: UseCaseContext, event: EventRow, r: RegistrationRow): Promise<'promoted' | 'skipped'> {
  const [member] = await ctx.tx.select({ status: members.status, tierCode: members.tierCode }).from(members).where(eq(members.id, r.memberId))
  let why: string | null = null
  if (!member || member.status !== 'active') why = '会员卡已注销'
  else if (event.minTierCode && !tierAtLeast(ctx.tiers, member.tierCode, event.minTierCode)) why = '会员等级不满足报名要求'
  let payment = { points: 0, debitEntryId: null as number | null }
  if (why === null && event.pointsCost > 0) {
    try {
      const debit = await chargeSeat(ctx, r.memberId, event, r.id)
      payment = { points: event.pointsCost, debitEntryId: debit.entryId }
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'POINTS_INSUFFICIENT') throw e
      why = `积分不足（需 ${event.pointsCost} 分）`
    }
  }
  if (why !== null) {
    await cancelRegistrationRow(ctx.tx, r.id, ['waitlisted'], 'promotion_skipped', ctx.now)
    if (member?.status === 'active') await enqueueNotification(ctx, r.memberId, eventWaitlistSkippedNotification({ ...facts(event), registrationId: r.id, why }))
    return 'skipped'
  }
  await promoteRow(ctx.tx, r.id, ctx.now, payment)
  await enqueueNotification(ctx, r.memberId, eventPromotedNotification({ ...facts(event), registrationId: r.id, pointsPaid: payment.points }))
  return 'promoted'
}

/**
 * The event's cancellation (its status already set by the caller, under the event's lock): every registered and
 * waitlisted registration cancelled ('event_cancelled'), a seat's points refunded into their lots, each member
 * told. Members are taken in id order, the order every multi-member write takes. Attended registrations (an
 * event cancelled while on) stay as they are.
 */
export async function cancelEventRegistrations(ctx: UseCaseContext, event: EventRow, reason: string): Promise<{ cancelled: number; pointsRefunded: number }> {
  const live = await lockRegistrationsOfEvent(ctx.tx, event.id, ['registered', 'waitlisted'])
  let pointsRefunded = 0
  let seats = 0
  let waiting = 0
  for (const r of live) {
    const member = await lockMemberForIssue(ctx.tx, r.memberId)
    if (!member) throw new Error(`cancelEventRegistrations: member ${r.memberId} not found`)
    const done = await cancelRegistrationRow(ctx.tx, r.id, ['registered', 'waitlisted'], 'event_cancelled', ctx.now)
    if (!done) continue
    let points = 0
    if (done.wasStatus === 'registered') {
      seats++
      points = (await refundSeat(ctx, done.row, member)).points
      pointsRefunded += points
    } else waiting++
    if (member.status === 'active') {
      await enqueueNotification(ctx, r.memberId, eventCancelledNotification({ ...facts(event), registrationId: r.id, pointsRefunded: points, reason }))
    }
  }
  if (seats > 0 || waiting > 0) await moveEventCounts(ctx.tx, event.id, { seats: -seats, waitlist: -waiting })
  return { cancelled: seats + waiting, pointsRefunded }
}
