import { aliasedTable, and, asc, desc, eq, getTableColumns, inArray, ne, or, sql } from 'drizzle-orm'
import { executeRows, type Tx } from '../db'
import { eventRegistrations, events, members, pointsLedger, staff } from '../schema'

/**
 * The door of an event (check-in, 现场补签, a manager's void, the no-show job). Every move is a guarded update
 * on the registration's status or the event's seat count, so a double scan or two clerks at once change one row
 * once; the caller decides what a 0-row answer means.
 */

export type DoorEventRow = typeof events.$inferSelect & { attendedCount: number }
export type DoorRegistrationRow = typeof eventRegistrations.$inferSelect

/** A registration with what the door list shows of its member, its event and the clerk who checked it in. */
export type DoorEntryRow = DoorRegistrationRow & {
  eventTitle: string
  eventStatus: string
  eventStartsAt: Date
  eventEndsAt: Date
  memberNo: string
  nickname: string
  phoneEnc: string
  tierCode: string
  checkedInByName: string | null
}

// Qualified by hand: drizzle renders ${events.id} as a bare "id", which inside the subquery is the registration's.
const attendedCount = sql<number>`(select count(*)::int from ${eventRegistrations} a where a.event_id = events.id and a.status = 'attended')`.as('attended_count')

/** Shown to members now: published, or scheduled and its time has come; never a cancelled one. */
const visibleNow = (now: Date) =>
  and(ne(events.status, 'cancelled'), or(eq(events.status, 'published'), and(eq(events.status, 'scheduled'), sql`${events.publishAt} <= ${now.toISOString()}::timestamptz`)))

export async function findDoorEvent(tx: Tx, storeId: number, eventId: number): Promise<DoorEventRow | null> {
  const [row] = await tx
    .select({ ...getTableColumns(events), attendedCount })
    .from(events)
    .where(and(eq(events.storeId, storeId), eq(events.id, eventId)))
  return row ?? null
}

/**
 * The door's list: visible events that overlap [dayStart, dayEnd] (today in store time) or whose door is open
 * at `now` (from `opensBeforeMs` before the start through the end), soonest first.
 */
export async function listDoorEvents(tx: Tx, storeId: number, window: { now: Date; dayStart: Date; dayEnd: Date; opensBeforeMs: number }): Promise<DoorEventRow[]> {
  const now = window.now.toISOString()
  const today = and(sql`${events.startsAt} <= ${window.dayEnd.toISOString()}::timestamptz`, sql`${events.endsAt} >= ${window.dayStart.toISOString()}::timestamptz`)
  const open = and(
    sql`${events.startsAt} - make_interval(secs => ${window.opensBeforeMs / 1000}) <= ${now}::timestamptz`,
    sql`${events.endsAt} >= ${now}::timestamptz`,
  )
  return tx
    .select({ ...getTableColumns(events), attendedCount })
    .from(events)
    .where(and(eq(events.storeId, storeId), visibleNow(window.now), or(today, open)))
    .orderBy(asc(events.startsAt), asc(events.id))
}

const checker = aliasedTable(staff, 'checker')
const entryColumns = {
  ...getTableColumns(eventRegistrations),
  eventTitle: events.title,
  eventStatus: events.status,
  eventStartsAt: events.startsAt,
  eventEndsAt: events.endsAt,
  memberNo: members.memberNo,
  nickname: members.nickname,
  phoneEnc: members.phoneEnc,
  tierCode: members.tierCode,
  checkedInByName: checker.name,
}

function entries(tx: Tx) {
  return tx
    .select(entryColumns)
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .innerJoin(members, eq(members.id, eventRegistrations.memberId))
    .leftJoin(checker, eq(checker.id, eventRegistrations.checkedInByStaffId))
}

export async function findEntryById(tx: Tx, storeId: number, registrationId: number): Promise<DoorEntryRow | null> {
  const [row] = await entries(tx).where(and(eq(eventRegistrations.storeId, storeId), eq(eventRegistrations.id, registrationId)))
  return row ?? null
}

export async function findEntryByTicket(tx: Tx, storeId: number, ticketCode: string): Promise<DoorEntryRow | null> {
  const [row] = await entries(tx).where(and(eq(eventRegistrations.storeId, storeId), eq(eventRegistrations.ticketCode, ticketCode)))
  return row ?? null
}

/** The member's live (not cancelled) registration for the event: at most one (the partial unique index). */
export async function findLiveEntry(tx: Tx, eventId: number, memberId: number): Promise<DoorEntryRow | null> {
  const [row] = await entries(tx).where(
    and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.memberId, memberId), ne(eventRegistrations.status, 'cancelled')),
  )
  return row ?? null
}

/** Every registration of the event, cancelled ones too: checked in last first, then by name. */
export async function listDoorEntries(tx: Tx, eventId: number): Promise<DoorEntryRow[]> {
  return entries(tx)
    .where(eq(eventRegistrations.eventId, eventId))
    .orderBy(desc(sql`${eventRegistrations.checkedInAt} is not null`), desc(eventRegistrations.checkedInAt), asc(members.nickname), asc(eventRegistrations.id))
}

/** The member's registrations (any status but cancelled) whose event's door is open at `now`. */
export async function listOpenDoorEntriesOf(tx: Tx, memberId: number, now: Date, opensBeforeMs: number): Promise<DoorEntryRow[]> {
  const at = now.toISOString()
  return entries(tx)
    .where(
      and(
        eq(eventRegistrations.memberId, memberId),
        ne(eventRegistrations.status, 'cancelled'),
        ne(events.status, 'cancelled'),
        sql`${events.startsAt} - make_interval(secs => ${opensBeforeMs / 1000}) <= ${at}::timestamptz`,
        sql`${events.endsAt} >= ${at}::timestamptz`,
      ),
    )
    .orderBy(asc(events.startsAt), asc(eventRegistrations.id))
}

export interface CheckInWrite {
  registrationId: number
  staffId: number
  requestKey: string
  at: Date
}

/**
 * The check-in: registered (or marked no-show: a late arrival before the end) → attended, once. Returns the row,
 * or null when it was not in either state any more (checked in by someone, waitlisted, cancelled).
 */
export async function checkInRegistration(tx: Tx, w: CheckInWrite): Promise<DoorRegistrationRow | null> {
  const [row] = await tx
    .update(eventRegistrations)
    .set({
      status: 'attended',
      checkedInAt: w.at,
      checkedInByStaffId: w.staffId,
      checkInRequestKey: w.requestKey,
      checkInCount: sql`${eventRegistrations.checkInCount} + 1`,
      noShowAt: null,
    })
    .where(and(eq(eventRegistrations.id, w.registrationId), inArray(eventRegistrations.status, ['registered', 'no_show'])))
    .returning()
  return row ?? null
}

/** A waitlister who walks in and gets a free seat: waitlisted → attended (their seat taken by takeFreeSeat). */
export async function checkInWaitlisted(tx: Tx, w: CheckInWrite): Promise<DoorRegistrationRow | null> {
  const [row] = await tx
    .update(eventRegistrations)
    .set({
      status: 'attended',
      registeredAt: w.at,
      checkedInAt: w.at,
      checkedInByStaffId: w.staffId,
      checkInRequestKey: w.requestKey,
      checkInCount: sql`${eventRegistrations.checkInCount} + 1`,
    })
    .where(and(eq(eventRegistrations.id, w.registrationId), eq(eventRegistrations.status, 'waitlisted')))
    .returning()
  return row ?? null
}

export async function setRewardEntry(tx: Tx, registrationId: number, entryId: number): Promise<void> {
  await tx.update(eventRegistrations).set({ rewardEntryId: entryId }).where(eq(eventRegistrations.id, registrationId))
}

/**
 * A manager's void: attended → registered, the check-in's fields cleared. The row is locked and read first, so
 * the caller gets the reward entry and the check-in count the void reverses; null when it was not attended.
 */
export async function voidCheckIn(tx: Tx, storeId: number, registrationId: number): Promise<DoorRegistrationRow | null> {
  const [before] = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.storeId, storeId), eq(eventRegistrations.id, registrationId)))
    .for('update')
  if (!before || before.status !== 'attended') return null
  await tx
    .update(eventRegistrations)
    .set({ status: 'registered', checkedInAt: null, checkedInByStaffId: null, checkInRequestKey: null, rewardEntryId: null })
    .where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.status, 'attended')))
  return before
}

/** The points a ledger entry moved (the reward a void takes back). */
export async function ledgerEntryDelta(tx: Tx, entryId: number): Promise<number | null> {
  const [row] = await tx.select({ delta: pointsLedger.delta }).from(pointsLedger).where(eq(pointsLedger.id, entryId))
  return row?.delta ?? null
}

export type NewWalkIn = Pick<
  typeof eventRegistrations.$inferInsert,
  'storeId' | 'eventId' | 'memberId' | 'requestKey' | 'ticketCode' | 'checkedInAt' | 'checkedInByStaffId' | 'checkInRequestKey'
>

/** 现场补签's new row, attended at once; null when this request already made it (the key's unique index). */
export async function insertWalkIn(tx: Tx, v: NewWalkIn): Promise<DoorRegistrationRow | null> {
  const [row] = await tx
    .insert(eventRegistrations)
    .values({ ...v, status: 'attended', source: 'walk_in', registeredAt: v.checkedInAt, checkInCount: 1, createdAt: v.checkedInAt ?? undefined })
    .onConflictDoNothing({ target: [eventRegistrations.storeId, eventRegistrations.requestKey] })
    .returning()
  return row ?? null
}

/**
 * The no-show job's chunk: up to `limit` registrations still 'registered' of events of the store that ended
 * before `now` (cancelled events skipped) become 'no_show', in one statement. The status guard makes a second
 * run (or a resumed one) change nothing; rows done leave the set, so no cursor is needed.
 */
export async function markNoShows(tx: Tx, storeId: number, now: Date, limit: number): Promise<number> {
  const at = now.toISOString()
  const rows = await executeRows<{ id: number }>(
    tx.execute(sql`
      with due as (
        select r.id
        from ${events} e
        join ${eventRegistrations} r on r.event_id = e.id and r.status = 'registered'
        where e.store_id = ${storeId} and e.status <> 'cancelled' and e.ends_at < ${at}::timestamptz
        order by r.id
        limit ${limit}
        for update of r
      )
      update ${eventRegistrations} r set status = 'no_show', no_show_at = ${at}::timestamptz
      from due where r.id = due.id and r.status = 'registered'
      returning r.id`),
  )
  return rows.length
}
