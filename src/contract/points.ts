import { z } from 'zod'
import { LEDGER_REASONS } from './enums'

/** Points: the member's own ledger. */

export const ledgerReason = z.enum(LEDGER_REASONS)

export const ledgerEntryView = z.object({
  id: z.string(),
  reason: ledgerReason,
  delta: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  /** Earn entries from a purchase: the amount paid, in fen ("消费 ¥128.50"). */
  amountFen: z.number().int().optional(),
})
export type LedgerEntryView = z.infer<typeof ledgerEntryView>

export const pointsApi = {
  listPointsHistory: {
    input: z
      .object({
        cursor: z.string().regex(/^\d{1,19}$/).optional(),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({
      entries: z.array(ledgerEntryView),
      nextCursor: z.string().nullable(),
      /** The balance now, read in the same transaction as the entries (the header of 积分明细). */
      pointsBalance: z.number().int().optional(),
      /** With the balance: the points expiring soonest ("X 分将于 2026-12-31 过期"), or null. */
      expiring: z.object({ points: z.number().int(), lastDay: z.string() }).nullable().optional(),
    }),
  },
} as const
