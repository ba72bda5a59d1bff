import { useCallback, useRef, useState } from 'react'
import { toApiError, type ApiError } from '../../services/api'

/** One page from a keyset-paged list operation: its rows, the cursor for the next page, and what else it says. */
export interface Page<Row, Extra> {
  rows: Row[]
  nextCursor: string | null
  extra: Extra
}

export interface PagedListState<Row, Extra> {
  status: 'loading' | 'ready' | 'error'
  rows: Row[]
  nextCursor: string | null
  /** What the last page said beside its rows (a balance, counts, the unread count). */
  extra: Extra | null
  loadingMore: boolean
  /** An error while loading more keeps the rows already shown. */
  moreError: ApiError | null
  error: ApiError | null
}

export interface PagedListOptions<Row> {
  /** A bound on what one page view keeps in memory; the server pages the rest. */
  maxRows: number
  /** Kept while a reload (or another list: a wallet tab) loads, and after its error: counts in tab titles. */
  keepExtra?: boolean
  /** Every page's rows once shown (消息 marks them read). */
  onPage?: (rows: Row[]) => void
}

/**
 * A member's list, a page at a time (积分明细, 消息, 我的券包): the first page on reload, the next on loadMore, one
 * request at a time. A late answer to a reload that has since been replaced is dropped, and rows are appended
 * once by id (the cursor makes pages disjoint; the check only guards against a replayed response). `fetchPage` is
 * read when called, so it may depend on state (the wallet's tab).
 */
export function usePagedList<Row extends { id: string }, Extra>(
  fetchPage: (cursor: string | null) => Promise<Page<Row, Extra>>,
  options: PagedListOptions<Row>,
) {
  const initial: PagedListState<Row, Extra> = { status: 'loading', rows: [], nextCursor: null, extra: null, loadingMore: false, moreError: null, error: null }
  const [state, setState] = useState<PagedListState<Row, Extra>>(initial)
  const latest = useRef({ fetchPage, options })
  latest.current = { fetchPage, options }
  const cursor = useRef<string | null>(null)
  const generation = useRef(0)
  const busy = useRef(false)

  /** `keepShown`: the same list again (back from a detail page) stays on screen while it refreshes. */
  const reload = useCallback(async ({ keepShown = false }: { keepShown?: boolean } = {}) => {
    const mine = ++generation.current
    const { fetchPage: fetch, options: opts } = latest.current
    cursor.current = null
    busy.current = true
    const reset = (s: PagedListState<Row, Extra>): PagedListState<Row, Extra> => ({ ...initial, extra: opts.keepExtra ? s.extra : null })
    setState((s) => (keepShown && s.status === 'ready' ? s : reset(s)))
    try {
      const page = await fetch(null)
      if (mine !== generation.current) return
      cursor.current = page.nextCursor
      setState({ ...initial, status: 'ready', rows: page.rows.slice(0, opts.maxRows), nextCursor: page.nextCursor, extra: page.extra })
      opts.onPage?.(page.rows)
    } catch (e) {
      if (mine !== generation.current) return
      setState((s) => ({ ...reset(s), status: 'error', error: toApiError(e) }))
    } finally {
      if (mine === generation.current) busy.current = false
    }
  }, [])

  const loadMore = useCallback(async () => {
    const from = cursor.current
    if (busy.current || !from) return
    const mine = generation.current
    const { fetchPage: fetch, options: opts } = latest.current
    busy.current = true
    setState((s) => ({ ...s, loadingMore: true, moreError: null }))
    try {
      const page = await fetch(from)
      if (mine !== generation.current) return
      cursor.current = page.nextCursor
      setState((s) => {
        const seen = new Set(s.rows.map((r) => r.id))
        const rows = s.rows.concat(page.rows.filter((r) => !seen.has(r.id))).slice(0, opts.maxRows)
        return { ...s, rows, nextCursor: page.nextCursor, extra: page.extra, loadingMore: false }
      })
      opts.onPage?.(page.rows)
    } catch (e) {
      if (mine !== generation.current) return
      setState((s) => ({ ...s, loadingMore: false, moreError: toApiError(e) }))
    } finally {
      if (mine === generation.current) busy.current = false
    }
  }, [])

  /** Changes what the list says beside its rows (消息's unread count after marking read). */
  const setExtra = useCallback((update: (extra: Extra | null) => Extra) => setState((s) => ({ ...s, extra: update(s.extra) })), [])

  return { ...state, hasMore: state.nextCursor !== null, reload, loadMore, setExtra }
}
