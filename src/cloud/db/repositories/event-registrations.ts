import { and, eq, inArray, sql } from 'drizzle-orm'
import type { RegistrationCancelReason, RegistrationSource, RegistrationStatus } from '../../../contract/enums'
import { executeRows, type Tx } from '../db'
import { eventRegistrations } from '../schema'

export type RegistrationRow = typeof eventRegistrations.$inferSelect

export async function findRegistrationByRequestKey(tx: Tx, storeId: number, requestKey: string): Promise<RegistrationRow | null> {
  const [row] = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.storeId, storeId), eq(eventRegistrations.requestKey, requestKey)))
    .limit(1)
  return row ?? null
}

/** The caller's own registration: another member's id finds nothing (never a hint that it exists). */
export async function findRegistrationOf(tx: Tx, memberId: number, registrationId: number): Promise<RegistrationRow | null> {
  const [row] = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.memberId, memberId), eq(eventRegistrations.id, registrationId)))
    .limit(1)
  return row ?? null
}

export async function findRegistration(tx: Tx, storeId: number, registrationId: number): Promise<RegistrationRow | null> {
  const [row] = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.storeId, storeId), eq(eventRegistrations.id, registrationId)))
    .limit(1)
  return row ?? null
}

/** A member's live (not cancelled) registration for an event: at most one (the partial unique index). */
export async function findLiveRegistration(tx: Tx, eventId: number, memberId: number): Promise<RegistrationRow | null> {
  const [row] = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.memberId, memberId), sql`${eventRegistrations.status} <> 'cancelled'`))
    .limit(1)
  return row ?? null
}

export async function lockRegistration(tx: Tx, storeId: number, registrationId: number): Promise<RegistrationRow | null> {
  const [row] = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.storeId, storeId), eq(eventRegistrations.id, registrationId)))
    .for('update')
  return row ?? null
}

export interface NewRegistration {
  storeId: number
  eventId: number
  memberId: number
  status: Extract<RegistrationStatus, 'registered' | 'waitlisted' | 'attended'>
  source: RegistrationSource
  requestKey: string
  ticketCode: string
  waitlistSeq: number | null
  registeredAt: Date | null
  createdAt: Date
  checkedInAt?: Date | null
  checkedInByStaffId?: number | null
  checkInRequestKey?: string | null
  checkInCount?: number
}

/**
 * Inserts a registration unless the member already has a live one for the event (the partial unique index
 * decides, also between two sign-ups at the same instant): the row, or null.
 */
export async function insertRegistration(tx: Tx, values: NewRegistration): Promise<RegistrationRow | null> {
  const [row] = await tx
    .insert(eventRegistrations)
    .values(values)
    .onConflictDoNothing({ target: [eventRegistrations.eventId, eventRegistrations.memberId], where: sql`status <> 'cancelled'` })
    .returning()
  return row ?? null
}

/** Records the points a seat was charged (its 'event' debit). */
export async function recordSeatPayment(tx: Tx, registrationId: number, points: number, debitEntryId: number): Promise<RegistrationRow> {
  const [row] = await tx
    .update(eventRegistrations)
    .set({ pointsPaid: points, debitEntryId })
    .where(eq(eventRegistrations.id, registrationId))
    .returning()
  return row
}

/**
 * The guarded cancel: only from `from` (registered or waitlisted), so a second cancel, or a cancel racing a
 * check-in or a promotion, changes nothing (null). The status it was cancelled from comes back with the row.
 */
export async function cancelRegistrationRow(
  tx: Tx,
  registrationId: number,
  from: readonly RegistrationStatus[],
  reason: RegistrationCancelReason,
  now: Date,
): Promise<{ row: RegistrationRow; wasStatus: RegistrationStatus } | null> {
  const [row] = await executeRows<{ id: number | string; was_status: RegistrationStatus }>(
    tx.execute(sql`
      with before as (
        select id, status from ${eventRegistrations}
        where id = ${registrationId} and status in (${sql.join(from.map((s) => sql`${s}`), sql`, `)})
        for update
      )
      update ${eventRegistrations} r set status = 'cancelled', cancelled_at = ${now.toISOString()}::timestamptz, cancel_reason = ${reason}
      from before where r.id = before.id and before.status in (${sql.join(from.map((s) => sql`${s}`), sql`, `)})
      returning r.id, before.status as was_status`),
  )
  if (!row) return null
  const [updated] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, Number(row.id)))
  return { row: updated, wasStatus: row.was_status }
}

/** Records a cancel's refund (0 points: none came back, e.g. a free event or lots expired meanwhile). */
export async function recordRefund(tx: Tx, registrationId: number, refundEntryId: number | null, points: number): Promise<void> {
  await tx.update(eventRegistrations).set({ refundEntryId, pointsRefunded: points }).where(eq(eventRegistrations.id, registrationId))
}

/**
 * The first waitlister still waiting, locked. SKIP LOCKED: a waitlister whose row is being cancelled right now
 * (they are leaving the waitlist) is passed over rather than waited for, so a promotion never waits on a member
 * who is on their way out (and never deadlocks with them).
 */
export async function lockFirstWaitlisted(tx: Tx, eventId: number): Promise<RegistrationRow | null> {
  const [row] = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'waitlisted')))
    .orderBy(eventRegistrations.waitlistSeq)
    .limit(1)
    .for('update', { skipLocked: true })
  return row ?? null
}

/** A waitlister gets the seat (registered now); their points cost, if any, was just debited. */
export async function promoteRow(tx: Tx, registrationId: number, now: Date, payment: { points: number; debitEntryId: number | null }): Promise<RegistrationRow> {
  const [row] = await tx
    .update(eventRegistrations)
    .set({ status: 'registered', registeredAt: now, pointsPaid: payment.points, debitEntryId: payment.debitEntryId })
    .where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.status, 'waitlisted')))
    .returning()
  if (!row) throw new Error(`promoteRow: registration ${registrationId} is no longer waitlisted`)
  return row
}

/** 1-based place among those still waiting for the event ("你是第 3 位候补"); null when not waitlisted. */
export async function waitlistPositionOf(tx: Tx, r: Pick<RegistrationRow, 'eventId' | 'status' | 'waitlistSeq'>): Promise<number | null> {
  if (r.status !== 'waitlisted' || r.waitlistSeq === null) return null
  const [row] = await executeRows<{ ahead: number | string }>(
    tx.execute(sql`
      select count(*) as ahead from ${eventRegistrations}
      where event_id = ${r.eventId} and status = 'waitlisted' and waitlist_seq < ${r.waitlistSeq}`),
  )
  return Number(row?.ahead ?? 0) + 1
}

/** Every registration of the event in these statuses, locked, in member order (the order every multi-member write takes). */
export async function lockRegistrationsOfEvent(tx: Tx, eventId: number, statuses: readonly RegistrationStatus[]): Promise<RegistrationRow[]> {
  return tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, [...statuses])))
    .orderBy(eventRegistrations.memberId)
    .for('update')
}
