import { useCallback, useRef, useState } from 'react'
import type { RedemptionTab, RedemptionView } from '../../contract/mall'
import { callApi } from '../../services/api'
import { usePagedList } from '../common/use-paged-list'

export const PAGE_SIZE = 20
const MAX_ROWS = 1000

/** 我的兑换, one tab at a time (待领取 / 已完成 / 已取消), newest first, a page at a time. */
export function useRedemptions() {
  const [tab, setTab] = useState<RedemptionTab>('held')
  const tabRef = useRef<RedemptionTab>('held')
  const list = usePagedList<RedemptionView, null>(
    async (cursor) => {
      const out = await callApi('listMyRedemptions', { tab: tabRef.current, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) })
      return { rows: out.redemptions, nextCursor: out.nextCursor, extra: null }
    },
    { maxRows: MAX_ROWS },
  )
  const { reload } = list

  const load = useCallback(
    (next: RedemptionTab) => {
      // The same tab again (back from a redemption) stays on screen while it refreshes.
      const same = tabRef.current === next
      tabRef.current = next
      setTab(next)
      return reload({ keepShown: same })
    },
    [reload],
  )
  const reloadTab = useCallback(() => load(tabRef.current), [load])

  return { ...list, tab, redemptions: list.rows, load, reload: reloadTab }
}
