import { useCallback, useRef, useState } from 'react'
import { usePagedList, type PagedListOptions } from './use-paged-list'

/** The page size and the most rows kept of the member's tabbed lists (我的兑换, 我的活动). */
export const TABBED_PAGE_SIZE = 20
const MAX_ROWS = 1000

/**
 * A member's list shown one tab at a time, a page at a time (我的券包, 我的兑换, 我的活动): `load(tab)` switches and
 * reloads; the same tab again (back from a row's page) stays on screen while it refreshes, with no spinner flash.
 * `extra` comes with each page (the wallet's counts per tab); `keepExtra` keeps it while another tab loads.
 */
export function useTabbedList<Tab extends string, Row extends { id: string }, Extra = null>(
  firstTab: Tab,
  fetchPage: (tab: Tab, cursor: string | null, limit: number) => Promise<{ rows: Row[]; nextCursor: string | null; extra: Extra }>,
  options: Omit<PagedListOptions<Row>, 'maxRows'> = {},
) {
  const [tab, setTab] = useState<Tab>(firstTab)
  const tabRef = useRef<Tab>(firstTab)
  const list = usePagedList<Row, Extra>((cursor) => fetchPage(tabRef.current, cursor, TABBED_PAGE_SIZE), { ...options, maxRows: MAX_ROWS })
  const { reload } = list

  const load = useCallback(
    (next: Tab) => {
      const same = tabRef.current === next
      tabRef.current = next
      setTab(next)
      return reload({ keepShown: same })
    },
    [reload],
  )
  const reloadTab = useCallback(() => load(tabRef.current), [load])

  return { ...list, tab, load, reload: reloadTab }
}
