import { listLedgerPage, type LedgerRow } from '../../db/repositories/points-ledger'
import { purchaseAmountsByReceipt } from '../../db/repositories/purchases'
import { readPointsOutlook } from '../../db/repositories/points-lots'
import { lastUsableDay } from '../../../domain/points-expiry'
import { defineOperation } from '../operation'
import { toLedgerEntryView } from './ledger-entry-view'

/** An earn entry's request id names the purchase it came from (till/credit-purchase.ts): `purchase:<receipt>`. */
const PURCHASE_REQUEST = /^purchase:(.+)$/

/**
 * The caller's own ledger, newest first, with the amount paid on entries earned by a purchase and the balance.
 * Keyset pagination: `cursor` is the last id of the previous page.
 */
export const listPointsHistory = defineOperation({
  name: 'listPointsHistory',
  access: 'member',
  run: async (ctx, member, input) => {
    // The contract allows 19 digits; anything above the largest id simply means "from the newest".
    const beforeId = input.cursor === undefined ? null : Math.min(Number(input.cursor), Number.MAX_SAFE_INTEGER)
    // One extra row says whether another page exists without a COUNT.
    const rows = await listLedgerPage(ctx.tx, member.id, beforeId, input.limit + 1)
    const page = rows.slice(0, input.limit)
    const hasMore = rows.length > input.limit
    const receipts = page.map(receiptOf).filter((r): r is string => r !== null)
    const amounts = await purchaseAmountsByReceipt(ctx.tx, member.storeId, member.id, receipts)
    const entries = page.map((row) => {
      const view = toLedgerEntryView(row)
      const receipt = receiptOf(row)
      const amountFen = receipt === null ? undefined : amounts.get(receipt)
      return amountFen === undefined ? view : { ...view, amountFen }
    })
    // The header: the usable balance and the soonest expiry, decided now from the lots (not by the job having run).
    const outlook = await readPointsOutlook(ctx.tx, member.id, ctx.now)
    const next = outlook.nextExpiry
    return {
      entries,
      nextCursor: hasMore ? String(page[page.length - 1].id) : null,
      pointsBalance: outlook.usable,
      expiring: next && next.points > 0 ? { points: next.points, lastDay: lastUsableDay(next.expiresAt, ctx.store.timezone) } : null,
    }
  },
})

function receiptOf(row: LedgerRow): string | null {
  if (row.reason !== 'earn') return null
  return PURCHASE_REQUEST.exec(row.requestId)?.[1] ?? null
}
