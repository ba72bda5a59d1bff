import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../src/cloud/db'
import { eventRegistrations, events } from '../../src/cloud/db/schema'
import { insertEvent, insertRegistration, type EventInsert } from './event-fixtures'

/**
 * The door's tests on top of the events fixtures: an event whose door is open by default, and registrations that
 * count their seat or waitlist place on the event as the sign-up does (the walk-in and the void move those counts).
 */

const HOUR_MS = 3_600_000

export type DoorEventInput = EventInsert

/** A published event starting in 1 hour and lasting 2 (the door is open at `now`), 10 seats, no reward. */
export async function insertDoorEvent(db: Db, now: Date, o: DoorEventInput = {}): Promise<{ id: number; title: string }> {
  const startsAt = o.startsAt ?? new Date(now.getTime() + HOUR_MS)
  const row = await insertEvent(db, now, { endsAt: new Date(startsAt.getTime() + 2 * HOUR_MS), ...o, startsAt })
  return { id: row.id, title: row.title }
}

export type DoorRegistrationStatus = 'registered' | 'waitlisted' | 'attended' | 'cancelled' | 'no_show'

/** A registration with its own ticket; a seat or a waitlist place is counted on the event as a sign-up would. */
export async function insertDoorRegistration(
  db: Db,
  eventId: number,
  memberId: number,
  status: DoorRegistrationStatus = 'registered',
  o: Partial<typeof eventRegistrations.$inferInsert> = {},
): Promise<{ id: number; ticketCode: string }> {
  let waitlistSeq: number | null = null
  if (status === 'waitlisted') {
    const [e] = await db
      .update(events)
      .set({ waitlistSeq: sql`${events.waitlistSeq} + 1`, waitlistCount: sql`${events.waitlistCount} + 1` })
      .where(eq(events.id, eventId))
      .returning({ seq: events.waitlistSeq })
    waitlistSeq = e.seq
  } else if (status !== 'cancelled') {
    await db.update(events).set({ seatsTaken: sql`${events.seatsTaken} + 1` }).where(eq(events.id, eventId))
  }
  const cancelled = status === 'cancelled' ? { cancelledAt: new Date(), cancelReason: 'member' } : {}
  const row = await insertRegistration(db, { eventId, memberId, status, waitlistSeq, ...cancelled, ...o })
  return { id: row.id, ticketCode: row.ticketCode }
}
