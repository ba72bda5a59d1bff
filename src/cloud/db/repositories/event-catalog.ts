import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { eventRegistrations, events } from '../schema'

/**
 * The console's side of events: what a manager creates, edits, publishes and cancels. Seats and the waitlist
 * (seats_taken, waitlist_count, waitlist_seq) are never written here: sign-ups, cancels and promotions move them
 * (events.ts, registration-moves.ts); a capacity below seats_taken is refused by the UPDATE's guard (and the CHECK).
 */

export type CatalogEventRow = typeof events.$inferSelect

/** What a manager sets in the editor. */
export type EventFields = Pick<
  typeof events.$inferInsert,
  | 'title'
  | 'description'
  | 'coverKey'
  | 'startsAt'
  | 'endsAt'
  | 'place'
  | 'capacity'
  | 'signupFrom'
  | 'signupUntil'
  | 'minTierCode'
  | 'earlyTierCode'
  | 'earlySignupFrom'
  | 'pointsCost'
  | 'rewardPoints'
  | 'cancelCutoffHours'
>

/** An event as the console lists it: the row and how many attended. */
export interface AdminEventRow {
  event: CatalogEventRow
  attendedCount: number
}

const adminColumns = {
  event: events,
  // Qualified by hand: inside the subquery a bare column would resolve to event_registrations'.
  attendedCount: sql<number>`(select count(*) from ${eventRegistrations} r where r.event_id = events.id and r.status = 'attended')`.mapWith(Number),
}

export type EventAdminTab = 'active' | 'draft' | 'ended' | 'cancelled'

/** 进行中/即将开始 (scheduled or published, not ended) soonest first; 草稿 newest first; 已结束 and 已取消 latest first. */
export async function listAdminEvents(tx: Tx, storeId: number, tab: EventAdminTab, now: Date): Promise<AdminEventRow[]> {
  const live = inArray(events.status, ['scheduled', 'published'])
  const [where, order] =
    tab === 'active'
      ? [and(live, gte(events.endsAt, now)), [asc(events.startsAt), asc(events.id)]]
      : tab === 'ended'
        ? [and(live, lt(events.endsAt, now)), [desc(events.startsAt), desc(events.id)]]
        : tab === 'draft'
          ? [eq(events.status, 'draft'), [desc(events.id)]]
          : [eq(events.status, 'cancelled'), [desc(events.cancelledAt), desc(events.id)]]
  return tx
    .select(adminColumns)
    .from(events)
    .where(and(eq(events.storeId, storeId), where))
    .orderBy(...order)
    .limit(200)
}

export async function findAdminEvent(tx: Tx, storeId: number, id: number): Promise<AdminEventRow | null> {
  const [row] = await tx.select(adminColumns).from(events).where(and(eq(events.storeId, storeId), eq(events.id, id))).limit(1)
  return row ?? null
}

/** The event row locked for this transaction (FOR UPDATE): edits, publishing and cancelling take turns with sign-ups. */
export async function lockCatalogEvent(tx: Tx, storeId: number, id: number): Promise<CatalogEventRow | null> {
  const [row] = await tx.select().from(events).where(and(eq(events.storeId, storeId), eq(events.id, id))).for('update')
  return row ?? null
}

/**
 * Creates a draft unless this create request already made one (a retried save): the unique key
 * (store_id, create_request_id) decides, so two concurrent saves of one form make one event.
 */
export async function insertEventIfNew(
  tx: Tx,
  q: { storeId: number; requestId: string; staffId: number | null; fields: EventFields; now: Date },
): Promise<{ id: number; repeated: boolean }> {
  const [inserted] = await tx
    .insert(events)
    .values({ ...q.fields, storeId: q.storeId, status: 'draft', createRequestId: q.requestId, createdByStaffId: q.staffId, createdAt: q.now, updatedAt: q.now })
    .onConflictDoNothing({ target: [events.storeId, events.createRequestId] })
    .returning({ id: events.id })
  if (inserted) return { id: inserted.id, repeated: false }
  const [existing] = await tx
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.storeId, q.storeId), eq(events.createRequestId, q.requestId)))
  if (!existing) throw new Error('insertEventIfNew: conflicting event vanished')
  return { id: existing.id, repeated: true }
}

/**
 * Replaces an event's settings (not cancelled): null when the guard refuses, i.e. the capacity is below the seats
 * taken (re-checked on the latest row version, so a sign-up that committed meanwhile counts). `changedAt`: a time
 * or place change after publishing (the members' banner), else left as it was.
 */
export async function updateEventFields(tx: Tx, storeId: number, id: number, fields: EventFields, changedAt: Date | null, now: Date): Promise<CatalogEventRow | null> {
  const [row] = await tx
    .update(events)
    .set({ ...fields, ...(changedAt ? { changedAt } : {}), updatedAt: now })
    .where(and(eq(events.id, id), eq(events.storeId, storeId), ne(events.status, 'cancelled'), lte(events.seatsTaken, fields.capacity)))
    .returning()
  return row ?? null
}

/**
 * A draft or a scheduled event → published now, or → scheduled (members see it from `publishAt`; a scheduled one
 * may be re-timed or brought forward). Once published it is refused, by the status guard.
 */
export async function publishDraft(
  tx: Tx,
  q: { storeId: number; id: number; publishAt: Date | null; notify: boolean; now: Date },
): Promise<CatalogEventRow | null> {
  const set = q.publishAt
    ? { status: 'scheduled', publishAt: q.publishAt, notifyOnPublish: q.notify, updatedAt: q.now }
    : { status: 'published', publishedAt: q.now, notifyOnPublish: q.notify, updatedAt: q.now }
  const [row] = await tx
    .update(events)
    .set(set)
    .where(and(eq(events.id, q.id), eq(events.storeId, q.storeId), inArray(events.status, ['draft', 'scheduled'])))
    .returning()
  return row ?? null
}

/** Scheduled events whose time has come, oldest first, after `afterId` when resuming: the publishing job's chunk. */
export async function findDueScheduledEvents(tx: Tx, storeId: number, now: Date, limit: number): Promise<CatalogEventRow[]> {
  return tx
    .select()
    .from(events)
    .where(and(eq(events.storeId, storeId), eq(events.status, 'scheduled'), lte(events.publishAt, now)))
    .orderBy(asc(events.publishAt), asc(events.id))
    .limit(limit)
    .for('update', { skipLocked: true })
}

/**
 * A scheduled event goes out: published, `published_at` its publish time (members could sign up from then, so
 * sign-up's start does not move when the job runs a little later). Once, by the status guard.
 */
export async function publishScheduled(tx: Tx, id: number, now: Date): Promise<CatalogEventRow | null> {
  const [row] = await tx
    .update(events)
    .set({ status: 'published', publishedAt: sql`${events.publishAt}`, updatedAt: now })
    .where(and(eq(events.id, id), eq(events.status, 'scheduled')))
    .returning()
  return row ?? null
}

/** The publish notice was queued: once (a retry or a second job run sees it and queues nothing). */
export async function markNoticeQueued(tx: Tx, id: number, now: Date): Promise<boolean> {
  const rows = await tx
    .update(events)
    .set({ noticeQueuedAt: now })
    .where(and(eq(events.id, id), isNull(events.noticeQueuedAt)))
    .returning({ id: events.id })
  return rows.length > 0
}

/** Cancels the event once: a second cancel finds it cancelled and changes nothing. */
export async function cancelEventRow(tx: Tx, q: { storeId: number; id: number; reason: string; staffId: number; now: Date }): Promise<CatalogEventRow | null> {
  const [row] = await tx
    .update(events)
    .set({ status: 'cancelled', cancelledAt: q.now, cancelReason: q.reason, cancelledByStaffId: q.staffId, updatedAt: q.now })
    .where(and(eq(events.id, q.id), eq(events.storeId, q.storeId), ne(events.status, 'cancelled')))
    .returning()
  return row ?? null
}

/** Events members can hold a seat for that start after `from` and by `until` (the reminders' window), by id after `afterId`. */
export async function findEventsStartingBetween(tx: Tx, q: { storeId: number; from: Date; until: Date; afterId: number; limit: number }): Promise<CatalogEventRow[]> {
  return tx
    .select()
    .from(events)
    .where(
      and(
        eq(events.storeId, q.storeId),
        inArray(events.status, ['published', 'scheduled']),
        gt(events.startsAt, q.from),
        lte(events.startsAt, q.until),
        gt(events.id, q.afterId),
      ),
    )
    .orderBy(asc(events.id))
    .limit(q.limit)
}
