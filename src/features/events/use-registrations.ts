import type { RegistrationTab, RegistrationView } from '../../contract/events'
import { callApi } from '../../services/api'
import { TABBED_PAGE_SIZE, useTabbedList } from '../common/use-tabbed-list'

export const PAGE_SIZE = TABBED_PAGE_SIZE

/** 我的活动, one tab at a time (已报名 / 候补中 / 已结束 / 已取消), a page at a time. */
export function useRegistrations() {
  const list = useTabbedList<RegistrationTab, RegistrationView>('upcoming', async (tab, cursor, limit) => {
    const out = await callApi('listMyRegistrations', { tab, limit, ...(cursor ? { cursor } : {}) })
    return { rows: out.registrations, nextCursor: out.nextCursor, extra: null }
  })
  return { ...list, registrations: list.rows }
}
