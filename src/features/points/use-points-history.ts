import type { ApiOutput } from '../../contract'
import type { LedgerEntryView } from '../../contract/points'
import { callApi } from '../../services/api'
import { usePagedList } from '../common/use-paged-list'

export const PAGE_SIZE = 20
const MAX_ENTRIES = 2000 // a long list is paged by the server; this caps what one page view keeps in memory

type Header = { balance: number | null; expiring: NonNullable<ApiOutput<'listPointsHistory'>['expiring']> | null }

/**
 * The member's points ledger, newest first, one page at a time; the (usable) balance and the soonest expiry as
 * read with the latest page.
 */
export function usePointsHistory() {
  const list = usePagedList<LedgerEntryView, Header>(
    async (cursor) => {
      const out = await callApi('listPointsHistory', { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) })
      return { rows: out.entries, nextCursor: out.nextCursor, extra: { balance: out.pointsBalance ?? null, expiring: out.expiring ?? null } }
    },
    { maxRows: MAX_ENTRIES },
  )
  return { ...list, entries: list.rows, pointsBalance: list.extra?.balance ?? null, expiring: list.extra?.expiring ?? null }
}
