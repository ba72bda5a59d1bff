import { randomBytes } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import type { Db } from '../../src/cloud/db'
import { newTicketCode } from '../../src/domain/events/ticket-code'
import { eventFeedback, eventRegistrations, events, notifications, pointsLedger, stores } from '../../src/cloud/db/schema'

/**
 * Events for the server's tests, written straight into the tables (the console that makes them is another
 * feature's): a published event starting `startsAt` (default: a week after `now`), and registrations in any state.
 * Points go through the mall fixtures' fundMember / postPoints, the one way points move.
 */

let serial = 0

export type EventInsert = Partial<typeof events.$inferInsert>

const HOUR = 60 * 60 * 1000

/** A published event: by default 7 days after `now`, 2 hours long, 10 seats, free, open for sign-up since `now − 1 h`. */
export async function insertEvent(db: Db, now: Date, o: EventInsert = {}): Promise<typeof events.$inferSelect> {
  const [store] = await db.select({ id: stores.id }).from(stores).limit(1)
  const startsAt = o.startsAt ?? new Date(now.getTime() + 7 * 24 * HOUR)
  const [row] = await db
    .insert(events)
    .values({
      storeId: store.id,
      status: 'published',
      title: `测试活动${++serial}`,
      place: '本店二楼',
      capacity: 10,
      publishedAt: new Date(now.getTime() - HOUR),
      createRequestId: `event-test-${process.pid}-${serial}-${Date.now()}`,
      ...o,
      startsAt,
      endsAt: o.endsAt ?? new Date(startsAt.getTime() + 2 * HOUR),
    })
    .returning()
  return row
}

export type RegistrationInsert = Partial<typeof eventRegistrations.$inferInsert> & { eventId: number; memberId: number }

/**
 * A registration as the sign-up (or the door) would leave it, without moving the event's counters: pass the
 * matching `seatsTaken` / `waitlistCount` / `waitlistSeq` to insertEvent when a test needs them consistent.
 */
export async function insertRegistration(db: Db, o: RegistrationInsert): Promise<typeof eventRegistrations.$inferSelect> {
  const [store] = await db.select({ id: stores.id }).from(stores).limit(1)
  const [row] = await db
    .insert(eventRegistrations)
    .values({
      storeId: store.id,
      status: 'registered',
      requestKey: `reg-test-${process.pid}-${++serial}-${Date.now()}`,
      ticketCode: newTicketCode((n) => randomBytes(n)),
      registeredAt: o.status === 'waitlisted' ? null : new Date(),
      ...o,
    })
    .returning()
  return row
}

export async function eventRow(db: Db, id: number) {
  const [row] = await db.select().from(events).where(eq(events.id, id))
  return row
}

export async function registrationRow(db: Db, id: number) {
  const [row] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, id))
  return row
}

export async function registrationsOf(db: Db, eventId: number) {
  return db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId)).orderBy(eventRegistrations.id)
}

/** Everything an events write may touch, for "refused and nothing written". */
export async function eventCounts(db: Db) {
  const n = async (t: typeof eventRegistrations | typeof eventFeedback | typeof pointsLedger | typeof notifications) => (await db.select({ n: count() }).from(t))[0].n
  return { registrations: await n(eventRegistrations), feedback: await n(eventFeedback), ledger: await n(pointsLedger), notifications: await n(notifications) }
}
