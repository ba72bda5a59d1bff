import { and, eq, sql } from 'drizzle-orm'
import { executeRows, type Tx } from '../db'
import { events } from '../schema'

export type EventRow = typeof events.$inferSelect

/** Every column of an events row read by raw SQL, mapped to the drizzle row (times as Dates, bigints as numbers). */
type EventDbRow = Record<string, unknown>

const TIME_COLUMNS = [
  'starts_at',
  'ends_at',
  'signup_from',
  'signup_until',
  'early_signup_from',
  'publish_at',
  'published_at',
  'notice_queued_at',
  'changed_at',
  'cancelled_at',
  'created_at',
  'updated_at',
] as const

function toEventRow(r: EventDbRow): EventRow {
  const time = (k: (typeof TIME_COLUMNS)[number]) => (r[k] === null || r[k] === undefined ? null : new Date(r[k] as string))
  const num = (k: string) => (r[k] === null || r[k] === undefined ? null : Number(r[k]))
  return {
    id: Number(r.id),
    storeId: Number(r.store_id),
    status: r.status as string,
    title: r.title as string,
    description: (r.description as string | null) ?? null,
    coverKey: (r.cover_key as string | null) ?? null,
    startsAt: time('starts_at') as Date,
    endsAt: time('ends_at') as Date,
    place: r.place as string,
    capacity: Number(r.capacity),
    seatsTaken: Number(r.seats_taken),
    waitlistCount: Number(r.waitlist_count),
    waitlistSeq: Number(r.waitlist_seq),
    signupFrom: time('signup_from'),
    signupUntil: time('signup_until'),
    minTierCode: (r.min_tier_code as string | null) ?? null,
    earlyTierCode: (r.early_tier_code as string | null) ?? null,
    earlySignupFrom: time('early_signup_from'),
    pointsCost: Number(r.points_cost),
    rewardPoints: Number(r.reward_points),
    cancelCutoffHours: num('cancel_cutoff_hours'),
    publishAt: time('publish_at'),
    publishedAt: time('published_at'),
    notifyOnPublish: Boolean(r.notify_on_publish),
    noticeQueuedAt: time('notice_queued_at'),
    changedAt: time('changed_at'),
    cancelledAt: time('cancelled_at'),
    cancelReason: (r.cancel_reason as string | null) ?? null,
    cancelledByStaffId: num('cancelled_by_staff_id'),
    createdByStaffId: num('created_by_staff_id'),
    createRequestId: r.create_request_id as string,
    createdAt: time('created_at') as Date,
    updatedAt: time('updated_at') as Date,
  }
}

export async function findEvent(tx: Tx, storeId: number, eventId: number): Promise<EventRow | null> {
  const [row] = await tx.select().from(events).where(and(eq(events.storeId, storeId), eq(events.id, eventId))).limit(1)
  return row ?? null
}

/** The event's row, locked for the rest of the transaction: seats, the waitlist and the event's state take turns on it. */
export async function lockEvent(tx: Tx, storeId: number, eventId: number): Promise<EventRow | null> {
  const [row] = await executeRows<EventDbRow>(tx.execute(sql`select * from ${events} where id = ${eventId} and store_id = ${storeId} for update`))
  return row ? toEventRow(row) : null
}

export interface SeatClaim {
  /** A seat was taken (seats_taken + 1); otherwise a waitlist position was handed out. */
  seated: boolean
  waitlistSeq: number | null
  event: EventRow
}

/**
 * ONE guarded update decides seat or waitlist: a seat while seats_taken < capacity, else the next waitlist
 * position (positions only grow, so their order is the order in which sign-ups reached this row). The CTE locks
 * the row first and reads its latest version, so 1,000 sign-ups at once take turns here and exactly `capacity`
 * of them are seated. Null when the event is not open for sign-up any more (cancelled, or a draft).
 */
export async function claimSeatOrWaitlist(tx: Tx, eventId: number): Promise<SeatClaim | null> {
  const [row] = await executeRows<EventDbRow & { seated: boolean }>(
    tx.execute(sql`
      with locked as (
        select id, seats_taken < capacity as seated from ${events}
        where id = ${eventId} and status in ('published', 'scheduled')
        for update
      )
      update ${events} e set
        seats_taken = e.seats_taken + (case when locked.seated then 1 else 0 end),
        waitlist_seq = e.waitlist_seq + (case when locked.seated then 0 else 1 end),
        waitlist_count = e.waitlist_count + (case when locked.seated then 0 else 1 end)
      from locked where e.id = locked.id
      returning e.*, locked.seated`),
  )
  if (!row) return null
  const event = toEventRow(row)
  return { seated: Boolean(row.seated), waitlistSeq: row.seated ? null : event.waitlistSeq, event }
}

/**
 * Moves the event's counters by the given amounts in one guarded statement (seats freed or taken, waitlisters
 * gone): the CHECKs (0 ≤ seats_taken ≤ capacity, waitlist_count ≥ 0) refuse a double release instead of a clamp
 * hiding it. Returns the row after.
 */
export async function moveEventCounts(tx: Tx, eventId: number, change: { seats?: number; waitlist?: number }): Promise<EventRow> {
  const [row] = await executeRows<EventDbRow>(
    tx.execute(sql`
      update ${events} set seats_taken = seats_taken + ${change.seats ?? 0}, waitlist_count = waitlist_count + ${change.waitlist ?? 0}
      where id = ${eventId}
      returning *`),
  )
  if (!row) throw new Error(`moveEventCounts: event ${eventId} not found`)
  return toEventRow(row)
}

/** A registered member's seat freed (a cancel): −n seats. */
export const releaseSeats = (tx: Tx, eventId: number, n: number) => moveEventCounts(tx, eventId, { seats: -n })

/** Waitlisters gone (they left, were skipped or promoted): −n waiting. */
export const leaveWaitlist = (tx: Tx, eventId: number, n: number) => moveEventCounts(tx, eventId, { waitlist: -n })

/**
 * A seat for a walk-in at the door (现场补签): taken only while one is free, never a waitlist place. Null: full
 * (or the event is not open).
 */
export async function takeFreeSeat(tx: Tx, eventId: number): Promise<EventRow | null> {
  const [row] = await executeRows<EventDbRow>(
    tx.execute(sql`
      update ${events} set seats_taken = seats_taken + 1
      where id = ${eventId} and status in ('published', 'scheduled') and seats_taken < capacity
      returning *`),
  )
  return row ? toEventRow(row) : null
}

export { toEventRow }
