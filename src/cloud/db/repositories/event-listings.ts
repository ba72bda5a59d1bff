import { and, asc, desc, eq, gt, gte, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm'
import type { RegistrationTab } from '../../../contract'
import type { Tx } from '../db'
import { eventFeedback, eventRegistrations, events } from '../schema'

/**
 * The member's reads of events (the 活动 tab, an event's page, 我的活动): a bounded number of queries per call,
 * never one per event. The writes are in events.ts and event-registrations.ts.
 */

export type ListedEventRow = typeof events.$inferSelect
export type FeedbackRow = typeof eventFeedback.$inferSelect

/** The 活动 tab shows at most this many events (the soonest). */
export const EVENT_LIST_LIMIT = 100

/** A registration with its event, its feedback and (waitlisted) its 1-based place among those still waiting. */
export interface RegistrationWithEvent {
  registration: typeof eventRegistrations.$inferSelect
  event: ListedEventRow
  feedback: FeedbackRow | null
  waitlistPosition: number | null
}

/** The caller's live registration of an event, as a card shows it. */
export interface LiveRegistrationBrief {
  id: number
  eventId: number
  status: string
  waitlistPosition: number | null
}

/** Visible to members at `at`: published, or scheduled and its time has come (isVisible, in SQL). */
function visibleAt(at: Date): SQL {
  return or(eq(events.status, 'published'), and(eq(events.status, 'scheduled'), sql`${events.publishAt} <= ${at.toISOString()}::timestamptz`))!
}

/**
 * 1-based place among those still waiting (the partial waitlist index answers it); null unless waitlisted. The
 * outer row is named in full: drizzle leaves columns unqualified in a one-table select, where they would bind to
 * the subquery's own rows.
 */
const waitlistPosition = sql<number | null>`case when "event_registrations"."status" = 'waitlisted' then (
    select count(*)::int from event_registrations w
    where w.event_id = "event_registrations"."event_id" and w.status = 'waitlisted' and w.waitlist_seq <= "event_registrations"."waitlist_seq"
  ) end`

/** The visible events that have not ended at `now`, soonest first. */
export async function listVisibleEvents(tx: Tx, storeId: number, now: Date): Promise<ListedEventRow[]> {
  return tx
    .select()
    .from(events)
    .where(and(eq(events.storeId, storeId), visibleAt(now), gte(events.endsAt, now)))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(EVENT_LIST_LIMIT)
}

/** One event of the store, whatever its status (the caller decides what a member may see). */
export async function findStoreEvent(tx: Tx, storeId: number, eventId: number): Promise<ListedEventRow | null> {
  const [row] = await tx.select().from(events).where(and(eq(events.storeId, storeId), eq(events.id, eventId)))
  return row ?? null
}

/** The member's live (not cancelled) registrations of these events, in one query. */
export async function liveRegistrationsOf(tx: Tx, memberId: number, eventIds: number[]): Promise<Map<number, LiveRegistrationBrief>> {
  if (eventIds.length === 0) return new Map()
  const rows = await tx
    .select({ id: eventRegistrations.id, eventId: eventRegistrations.eventId, status: eventRegistrations.status, waitlistPosition })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.memberId, memberId), inArray(eventRegistrations.eventId, eventIds), ne(eventRegistrations.status, 'cancelled')))
  return new Map(rows.map((r) => [r.eventId, r]))
}

/** Whether the member ever registered for the event (a cancelled registration counts: its page still opens). */
export async function hasRegistrationFor(tx: Tx, memberId: number, eventId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.memberId, memberId), eq(eventRegistrations.eventId, eventId)))
    .limit(1)
  return row !== undefined
}

function joined(tx: Tx) {
  return tx
    .select({ registration: eventRegistrations, event: events, feedback: eventFeedback, waitlistPosition })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .leftJoin(eventFeedback, eq(eventFeedback.registrationId, eventRegistrations.id))
}

/** The member's own registration with its event; another member's id finds nothing. */
export async function findMemberRegistration(tx: Tx, storeId: number, memberId: number, id: number): Promise<RegistrationWithEvent | null> {
  const [row] = await joined(tx).where(
    and(eq(eventRegistrations.storeId, storeId), eq(eventRegistrations.memberId, memberId), eq(eventRegistrations.id, id)),
  )
  return row ?? null
}

/**
 * The tab's rule at `now`: an event that has ended moves its registered and attended rows to 已结束 (a registered
 * row of an ended event is a no-show the job has not marked yet); once an event has started nobody is promoted,
 * so its waitlisters move to 已结束 too (未获得名额).
 */
function tabWhere(tab: RegistrationTab, now: Date): SQL {
  const ended = lt(events.endsAt, now)
  const started = lte(events.startsAt, now)
  const status = (...s: string[]) => inArray(eventRegistrations.status, s)
  switch (tab) {
    case 'upcoming':
      return and(status('registered', 'attended'), gte(events.endsAt, now))!
    case 'waitlist':
      return and(status('waitlisted'), gt(events.startsAt, now))!
    case 'past':
      return or(status('no_show'), and(status('registered', 'attended'), ended), and(status('waitlisted'), started))!
    case 'cancelled':
      return status('cancelled')
  }
}

/** One tab of 我的活动, newest first; `beforeId` is the keyset cursor. */
export async function listMemberRegistrations(
  tx: Tx,
  memberId: number,
  tab: RegistrationTab,
  now: Date,
  beforeId: number | null,
  limit: number,
): Promise<RegistrationWithEvent[]> {
  const where = and(eq(eventRegistrations.memberId, memberId), tabWhere(tab, now), beforeId === null ? undefined : lt(eventRegistrations.id, beforeId))
  return joined(tx).where(where).orderBy(desc(eventRegistrations.id)).limit(limit)
}

/**
 * The member's registration, locked (a check-in being voided at the door waits, or is waited for), for feedback.
 * Another member's id finds nothing.
 */
export async function lockMemberRegistration(tx: Tx, storeId: number, memberId: number, id: number): Promise<typeof eventRegistrations.$inferSelect | null> {
  const [row] = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.storeId, storeId), eq(eventRegistrations.memberId, memberId), eq(eventRegistrations.id, id)))
    .for('update')
  return row ?? null
}
