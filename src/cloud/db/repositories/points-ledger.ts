import { and, desc, eq, lt } from 'drizzle-orm'
import type { LedgerReason } from '../../../contract'
import type { Tx } from '../db'
import { pointsLedger } from '../schema'

export type LedgerRow = typeof pointsLedger.$inferSelect

export interface NewLedgerEntry {
  storeId: number
  memberId: number
  reason: LedgerReason
  delta: number
  requestId: string
  note: string | null
  expiresAt: Date | null
  createdAt: Date
}

/** Appends one entry. The unique (store_id, request_id) makes a replayed request fail instead of counting twice. */
export async function appendLedgerEntry(tx: Tx, entry: NewLedgerEntry): Promise<LedgerRow> {
  const rows = await tx.insert(pointsLedger).values(entry).returning()
  return rows[0]
}

/** One page of a member's entries, newest first; `beforeId` is the keyset cursor (the last id seen). */
export async function listLedgerPage(tx: Tx, memberId: number, beforeId: number | null, limit: number): Promise<LedgerRow[]> {
  const where = beforeId === null ? eq(pointsLedger.memberId, memberId) : and(eq(pointsLedger.memberId, memberId), lt(pointsLedger.id, beforeId))
  return tx.select().from(pointsLedger).where(where).orderBy(desc(pointsLedger.id)).limit(limit)
}
