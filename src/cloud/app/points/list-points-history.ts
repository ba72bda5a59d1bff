import { listLedgerPage } from '../../db/repositories/points-ledger'
import { defineOperation } from '../operation'
import { toLedgerEntryView } from './ledger-entry-view'

/** The caller's own ledger, newest first. Keyset pagination: `cursor` is the last id of the previous page. */
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
    return { entries: page.map(toLedgerEntryView), nextCursor: hasMore ? String(page[page.length - 1].id) : null }
  },
})
