import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm'
import { executeRows, type Tx } from '../db'
import { eventFeedback, eventRegistrations, members, purchaseRefunds, purchases } from '../schema'

/** An event's results for the console: counts by status, ratings, comments, attendees' spend, the roster. */

export interface RegistrationCounts {
  byStatus: Record<string, number>
  walkIns: number
}

export async function countRegistrations(tx: Tx, eventId: number): Promise<RegistrationCounts> {
  const rows = await tx
    .select({ status: eventRegistrations.status, n: sql<number>`count(*)`.mapWith(Number), walkIns: sql<number>`count(*) filter (where ${eventRegistrations.source} = 'walk_in')`.mapWith(Number) })
    .from(eventRegistrations)
    .where(eq(eventRegistrations.eventId, eventId))
    .groupBy(eventRegistrations.status)
  return {
    byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])),
    walkIns: rows.reduce((sum, r) => sum + (r.status === 'cancelled' ? 0 : r.walkIns), 0),
  }
}

export async function ratingSummary(tx: Tx, eventId: number): Promise<{ count: number; average: number | null }> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)`.mapWith(Number), average: sql<string | null>`avg(${eventFeedback.rating})` })
    .from(eventFeedback)
    .where(eq(eventFeedback.eventId, eventId))
  return { count: row.count, average: row.average === null ? null : Number(row.average) }
}

export interface FeedbackCommentRow {
  rating: number
  comment: string
  createdAt: Date
  nickname: string
  phoneEnc: string
}

/** Ratings with a comment, newest first (the console shows the latest 200). */
export async function listFeedbackComments(tx: Tx, eventId: number, limit = 200): Promise<FeedbackCommentRow[]> {
  const rows = await tx
    .select({ rating: eventFeedback.rating, comment: eventFeedback.comment, createdAt: eventFeedback.createdAt, nickname: members.nickname, phoneEnc: members.phoneEnc })
    .from(eventFeedback)
    .innerJoin(members, eq(members.id, eventFeedback.memberId))
    .where(and(eq(eventFeedback.eventId, eventId), isNotNull(eventFeedback.comment), sql`${eventFeedback.comment} <> ''`))
    .orderBy(desc(eventFeedback.createdAt), desc(eventFeedback.registrationId))
    .limit(limit)
  return rows.map((r) => ({ ...r, comment: r.comment ?? '' }))
}

/**
 * What the event's attendees spent in store in [from, until): their purchases, less those refunded (a refund is
 * of the whole purchase, one purchase_refunds row). How many of them bought.
 */
export async function attendeeSpend(tx: Tx, q: { storeId: number; eventId: number; from: Date; until: Date }): Promise<{ fen: number; members: number }> {
  const [row] = await executeRows<{ fen: number | string | null; members: number | string }>(
    tx.execute(sql`
      select coalesce(sum(p.amount_fen), 0) as fen, count(distinct p.member_id) as members
      from ${purchases} p
      where p.store_id = ${q.storeId}
        and p.member_id in (select r.member_id from ${eventRegistrations} r where r.event_id = ${q.eventId} and r.status = 'attended')
        and p.created_at >= ${q.from.toISOString()}::timestamptz and p.created_at < ${q.until.toISOString()}::timestamptz
        and not exists (select 1 from ${purchaseRefunds} pr where pr.purchase_id = p.id)`),
  )
  return { fen: Number(row.fen ?? 0), members: Number(row.members) }
}

export interface RosterRow {
  registrationId: number
  memberNo: string
  nickname: string
  phoneEnc: string
  status: string
  waitlistSeq: number | null
  createdAt: Date
  checkedInAt: Date | null
}

/** Every registration of the event, in arrival order (cancelled ones too: they are history). */
export async function listRoster(tx: Tx, eventId: number): Promise<RosterRow[]> {
  return tx
    .select({
      registrationId: eventRegistrations.id,
      memberNo: members.memberNo,
      nickname: members.nickname,
      phoneEnc: members.phoneEnc,
      status: eventRegistrations.status,
      waitlistSeq: eventRegistrations.waitlistSeq,
      createdAt: eventRegistrations.createdAt,
      checkedInAt: eventRegistrations.checkedInAt,
    })
    .from(eventRegistrations)
    .innerJoin(members, eq(members.id, eventRegistrations.memberId))
    .where(eq(eventRegistrations.eventId, eventId))
    .orderBy(asc(eventRegistrations.id))
}

/**
 * The demo seed's past event: a registration as the door leaves it (checked in by a clerk, its reward's entry),
 * or marked a no-show as the end-of-event job does, and an attendee's rating. Only the seed writes these here;
 * the door and the feedback call have their own guarded writes.
 */
export async function recordDemoAttendance(
  tx: Tx,
  q: { registrationId: number; attended: boolean; at: Date; staffId: number; rewardEntryId: number | null },
): Promise<void> {
  const set = q.attended
    ? { status: 'attended', checkedInAt: q.at, checkedInByStaffId: q.staffId, checkInCount: 1, rewardEntryId: q.rewardEntryId }
    : { status: 'no_show', noShowAt: q.at }
  await tx.update(eventRegistrations).set(set).where(and(eq(eventRegistrations.id, q.registrationId), eq(eventRegistrations.status, 'registered')))
}

export async function insertDemoFeedback(tx: Tx, f: { registrationId: number; eventId: number; memberId: number; rating: number; comment: string; at: Date }): Promise<void> {
  await tx
    .insert(eventFeedback)
    .values({ registrationId: f.registrationId, eventId: f.eventId, memberId: f.memberId, rating: f.rating, comment: f.comment, createdAt: f.at, updatedAt: f.at })
    .onConflictDoNothing()
}
