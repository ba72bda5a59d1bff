import type { LedgerEntryView } from '../../contract/points'
import { callApi } from '../../services/api'
import { usePagedList } from '../common/use-paged-list'

export const PAGE_SIZE = 20
const MAX_ENTRIES = 2000 // a long list is paged by the server; this caps what one page view keeps in memory

/** The member's points ledger, newest first, one page at a time; the balance as read with the latest page. */
export function usePointsHistory() {
  const list = usePagedList<LedgerEntryView, number | null>(
    async (cursor) => {
      const out = await callApi('listPointsHistory', { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) })
      return { rows: out.entries, nextCursor: out.nextCursor, extra: out.pointsBalance ?? null }
    },
    { maxRows: MAX_ENTRIES },
  )
  return { ...list, entries: list.rows, pointsBalance: list.extra ?? null }
}
