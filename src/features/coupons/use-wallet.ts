import { useCallback, useRef, useState } from 'react'
import type { MemberCouponView, WalletTab } from '../../contract/coupons'
import { callApi } from '../../services/api'
import { usePagedList } from '../common/use-paged-list'

export const PAGE_SIZE = 20
const MAX_ROWS = 1000

type Counts = Record<WalletTab, number>

/**
 * 我的券包, one tab at a time (可用 soonest to expire first, as the server orders it), a page at a time; the counts
 * for the tab titles come with every page and stay while another tab loads. A late answer for a tab no longer
 * shown is dropped.
 */
export function useWallet() {
  const [tab, setTab] = useState<WalletTab>('usable')
  const tabRef = useRef<WalletTab>('usable')
  const list = usePagedList<MemberCouponView, Counts>(
    async (cursor) => {
      const out = await callApi('listMyCoupons', { tab: tabRef.current, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) })
      return { rows: out.coupons, nextCursor: out.nextCursor, extra: out.counts }
    },
    { maxRows: MAX_ROWS, keepExtra: true },
  )
  const { reload } = list

  const load = useCallback(
    (next: WalletTab) => {
      // The same tab again (back from a coupon's detail) stays on screen while it refreshes: no spinner flash.
      const same = tabRef.current === next
      tabRef.current = next
      setTab(next)
      return reload({ keepShown: same })
    },
    [reload],
  )

  const reloadTab = useCallback(() => load(tabRef.current), [load])

  return { ...list, tab, coupons: list.rows, counts: list.extra, load, reload: reloadTab }
}
