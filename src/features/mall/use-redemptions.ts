import type { RedemptionTab, RedemptionView } from '../../contract/mall'
import { callApi } from '../../services/api'
import { TABBED_PAGE_SIZE, useTabbedList } from '../common/use-tabbed-list'

export const PAGE_SIZE = TABBED_PAGE_SIZE

/** 我的兑换, one tab at a time (待领取 / 已完成 / 已取消), newest first, a page at a time. */
export function useRedemptions() {
  const list = useTabbedList<RedemptionTab, RedemptionView>('held', async (tab, cursor, limit) => {
    const out = await callApi('listMyRedemptions', { tab, limit, ...(cursor ? { cursor } : {}) })
    return { rows: out.redemptions, nextCursor: out.nextCursor, extra: null }
  })
  return { ...list, redemptions: list.rows }
}
