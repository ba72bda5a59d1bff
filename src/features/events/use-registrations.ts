import { useCallback, useRef, useState } from 'react'
import type { RegistrationTab, RegistrationView } from '../../contract/events'
import { callApi } from '../../services/api'
import { usePagedList } from '../common/use-paged-list'

export const PAGE_SIZE = 20
const MAX_ROWS = 1000

/** 我的活动, one tab at a time (已报名 / 候补中 / 已结束 / 已取消), a page at a time. */
export function useRegistrations() {
  const [tab, setTab] = useState<RegistrationTab>('upcoming')
  const tabRef = useRef<RegistrationTab>('upcoming')
  const list = usePagedList<RegistrationView, null>(
    async (cursor) => {
      const out = await callApi('listMyRegistrations', { tab: tabRef.current, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) })
      return { rows: out.registrations, nextCursor: out.nextCursor, extra: null }
    },
    { maxRows: MAX_ROWS },
  )
  const { reload } = list

  const load = useCallback(
    (next: RegistrationTab) => {
      // The same tab again (back from a registration) stays on screen while it refreshes.
      const same = tabRef.current === next
      tabRef.current = next
      setTab(next)
      return reload({ keepShown: same })
    },
    [reload],
  )
  const reloadTab = useCallback(() => load(tabRef.current), [load])

  return { ...list, tab, registrations: list.rows, load, reload: reloadTab }
}
