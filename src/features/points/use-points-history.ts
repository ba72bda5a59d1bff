import { useCallback, useRef, useState } from 'react'
import type { LedgerEntryView } from '../../contract/points'
import { callApi, toApiError, type ApiError } from '../../services/api'

export const PAGE_SIZE = 20
const MAX_ENTRIES = 2000 // a long list is paged by the server; this caps what one page view keeps in memory

export interface PointsHistoryState {
  status: 'loading' | 'ready' | 'error'
  entries: LedgerEntryView[]
  nextCursor: string | null
  loadingMore: boolean
  /** An error while loading more keeps the rows already shown. */
  moreError: ApiError | null
  error: ApiError | null
  /** The balance when the first page was read (null when the server did not say). */
  pointsBalance: number | null
}

const initial: PointsHistoryState = {
  status: 'loading',
  entries: [],
  nextCursor: null,
  loadingMore: false,
  moreError: null,
  error: null,
  pointsBalance: null,
}

/** The member's points ledger, newest first, one page at a time (cursor from the server). */
export function usePointsHistory() {
  const [state, setState] = useState<PointsHistoryState>(initial)
  const busy = useRef(false)
  const cursor = useRef<string | null>(null)

  const reload = useCallback(async () => {
    busy.current = true
    setState(initial)
    try {
      const out = await callApi('listPointsHistory', { limit: PAGE_SIZE })
      cursor.current = out.nextCursor
      setState({ ...initial, status: 'ready', entries: out.entries, nextCursor: out.nextCursor, pointsBalance: out.pointsBalance ?? null })
    } catch (e) {
      setState({ ...initial, status: 'error', error: toApiError(e) })
    } finally {
      busy.current = false
    }
  }, [])

  const loadMore = useCallback(async () => {
    const from = cursor.current
    if (busy.current || !from) return
    busy.current = true
    setState((s) => ({ ...s, loadingMore: true, moreError: null }))
    try {
      const out = await callApi('listPointsHistory', { cursor: from, limit: PAGE_SIZE })
      cursor.current = out.nextCursor
      setState((s) => {
        // The cursor makes pages disjoint; the id check only guards against a replayed response.
        const seen = new Set(s.entries.map((e) => e.id))
        const entries = s.entries.concat(out.entries.filter((e) => !seen.has(e.id))).slice(0, MAX_ENTRIES)
        return { ...s, entries, nextCursor: out.nextCursor, loadingMore: false }
      })
    } catch (e) {
      setState((s) => ({ ...s, loadingMore: false, moreError: toApiError(e) }))
    } finally {
      busy.current = false
    }
  }, [])

  return { ...state, hasMore: state.nextCursor !== null, reload, loadMore }
}
