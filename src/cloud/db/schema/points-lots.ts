import { sql } from 'drizzle-orm'
import { bigint, check, index, integer, pgTable, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core'
import { instant } from './columns'
import { members, pointsLedger, stores } from './core'

/**
 * Points lots: every credit is a lot (earned when, expires when, how much is left); every debit takes from the
 * oldest unexpired lots first and records what it took in points_lot_moves, so a refund can put the points back
 * into the lots they came from. Both tables are written ONLY by the ledger's trigger (migration 0008,
 * points_ledger_apply_lots), from the entries it inserts, so the lots' remaining points, the member's cached
 * balance and the ledger's sum agree for every writer by construction (src/cloud/db/integrity.ts checks it after every scenario).
 */
export const pointsLots = pgTable(
  'points_lots',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer('store_id').notNull().references(() => stores.id),
    memberId: bigint('member_id', { mode: 'number' }).notNull().references(() => members.id),
    /** The credit entry that made it. */
    entryId: bigint('entry_id', { mode: 'number' }).notNull().references(() => pointsLedger.id),
    earnedAt: instant('earned_at').notNull(),
    /** Exclusive: usable while now < expires_at. Null: never expires. */
    expiresAt: instant('expires_at'),
    amount: integer('amount').notNull(),
    remaining: integer('remaining').notNull(),
  },
  (t) => [
    uniqueIndex('points_lots_entry_uq').on(t.entryId),
    // A member's open lots, oldest expiry first (FIFO; never-expiring last).
    index('points_lots_member_open_ix').on(t.memberId, t.expiresAt, t.id).where(sql`${t.remaining} > 0`),
    // The year-end job and the reminders: open lots by expiry, then member (its chunk cursor).
    index('points_lots_store_expiry_ix').on(t.storeId, t.expiresAt, t.memberId).where(sql`${t.remaining} > 0`),
    check('points_lots_amount_ck', sql`${t.amount} > 0`),
    check('points_lots_remaining_ck', sql`${t.remaining} between 0 and ${t.amount}`),
  ],
)

/** What each debit took from each lot (negative), and what each refund put back (positive). */
export const pointsLotMoves = pgTable(
  'points_lot_moves',
  {
    entryId: bigint('entry_id', { mode: 'number' }).notNull().references(() => pointsLedger.id),
    lotId: bigint('lot_id', { mode: 'number' }).notNull().references(() => pointsLots.id),
    amount: integer('amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.lotId] }),
    index('points_lot_moves_lot_ix').on(t.lotId),
    check('points_lot_moves_amount_ck', sql`${t.amount} <> 0`),
  ],
)
