import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../src/cloud/db'
import { eventRegistrations, events, stores } from '../../src/cloud/db/schema'
import { newTicketCode } from '../../src/domain/events/ticket-code'

/**
 * Events and registrations for the door's tests, written straight into their tables (publishing and sign-up are
 * other features'), with the event's seat and waitlist counts kept as the sign-up keeps them.
 */

let serial = 0
const HOUR_MS = 3_600_000

export type DoorEventInput = Partial<typeof events.$inferInsert>

/** A published event; by default it starts in 1 hour and lasts 2 (the door is open), 10 seats, no reward. */
export async function insertDoorEvent(db: Db, now: Date, o: DoorEventInput = {}): Promise<{ id: number; title: string }> {
  const [store] = await db.select({ id: stores.id }).from(stores).limit(1)
  const title = o.title ?? `测试活动${++serial}`
  const [row] = await db
    .insert(events)
    .values({
      storeId: store.id,
      status: 'published',
      title,
      startsAt: new Date(now.getTime() + HOUR_MS),
      endsAt: new Date(now.getTime() + 3 * HOUR_MS),
      place: '门店二楼',
      capacity: 10,
      publishedAt: new Date(now.getTime() - 24 * HOUR_MS),
      createRequestId: `door-test-${process.pid}-${++serial}-${Date.now()}`,
      ...o,
    })
    .returning({ id: events.id })
  return { id: row.id, title }
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
  return db.transaction(async (tx) => {
    let waitlistSeq: number | null = null
    if (status === 'waitlisted') {
      const [e] = await tx
        .update(events)
        .set({ waitlistSeq: sql`${events.waitlistSeq} + 1`, waitlistCount: sql`${events.waitlistCount} + 1` })
        .where(eq(events.id, eventId))
        .returning({ seq: events.waitlistSeq })
      waitlistSeq = e.seq
    } else if (status !== 'cancelled') {
      await tx.update(events).set({ seatsTaken: sql`${events.seatsTaken} + 1` }).where(eq(events.id, eventId))
    }
    const [e] = await tx.select({ storeId: events.storeId, startsAt: events.startsAt }).from(events).where(eq(events.id, eventId))
    const ticketCode = newTicketCode((n) => randomBytes(n))
    const [row] = await tx
      .insert(eventRegistrations)
      .values({
        storeId: e.storeId,
        eventId,
        memberId,
        status,
        requestKey: `${memberId}:door-test-${++serial}-${Date.now()}`,
        ticketCode,
        waitlistSeq,
        registeredAt: status === 'waitlisted' ? null : new Date(e.startsAt.getTime() - 48 * HOUR_MS),
        cancelledAt: status === 'cancelled' ? new Date(e.startsAt.getTime() - 24 * HOUR_MS) : null,
        cancelReason: status === 'cancelled' ? 'member' : null,
        ...o,
      })
      .returning({ id: eventRegistrations.id })
    return { id: row.id, ticketCode }
  })
}
