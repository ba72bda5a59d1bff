import { sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { eventFeedback } from '../schema'
import type { FeedbackRow } from './event-listings'

export interface FeedbackInput {
  registrationId: number
  eventId: number
  memberId: number
  rating: number
  comment: string | null
  at: Date
}

/**
 * One feedback per registration, by its primary key: the first submission inserts, a later one changes it only
 * while `editableSince` is not after its first submission (created_at, never moved). The window is decided by
 * the write; null when it has closed.
 */
export async function upsertFeedback(tx: Tx, f: FeedbackInput, editableSince: Date): Promise<FeedbackRow | null> {
  const [row] = await tx
    .insert(eventFeedback)
    .values({ registrationId: f.registrationId, eventId: f.eventId, memberId: f.memberId, rating: f.rating, comment: f.comment, createdAt: f.at, updatedAt: f.at })
    .onConflictDoUpdate({
      target: eventFeedback.registrationId,
      set: { rating: f.rating, comment: f.comment, updatedAt: f.at },
      setWhere: sql`${eventFeedback.createdAt} >= ${editableSince.toISOString()}::timestamptz`,
    })
    .returning()
  return row ?? null
}
