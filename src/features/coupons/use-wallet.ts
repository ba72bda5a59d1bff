import type { MemberCouponView, WalletTab } from '../../contract/coupons'
import { callApi } from '../../services/api'
import { TABBED_PAGE_SIZE, useTabbedList } from '../common/use-tabbed-list'

export const PAGE_SIZE = TABBED_PAGE_SIZE

type Counts = Record<WalletTab, number>

/**
 * 我的券包, one tab at a time (可用 soonest to expire first, as the server orders it), a page at a time; the counts
 * for the tab titles come with every page and stay while another tab loads. A late answer for a tab no longer
 * shown is dropped.
 */
export function useWallet() {
  const list = useTabbedList<WalletTab, MemberCouponView, Counts>(
    'usable',
    async (tab, cursor, limit) => {
      const out = await callApi('listMyCoupons', { tab, limit, ...(cursor ? { cursor } : {}) })
      return { rows: out.coupons, nextCursor: out.nextCursor, extra: out.counts }
    },
    { keepExtra: true },
  )
  return { ...list, coupons: list.rows, counts: list.extra }
}
