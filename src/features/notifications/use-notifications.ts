import type { NotificationView } from '../../contract/notifications'
import { callApi } from '../../services/api'
import { usePagedList } from '../common/use-paged-list'

export const PAGE_SIZE = 20
const MAX_ROWS = 1000

/** The member's 消息, newest first, a page at a time; opening the list marks what it shows as read. */
export function useNotifications() {
  const list = usePagedList<NotificationView, number>(
    async (cursor) => {
      const out = await callApi('listMyNotifications', { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) })
      return { rows: out.notifications, nextCursor: out.nextCursor, extra: out.unreadCount }
    },
    { maxRows: MAX_ROWS, onPage: (rows) => void markShownRead(rows) },
  )

  // Read when a page arrives (the list reads its options at call time), so it may come after the hook.
  async function markShownRead(items: NotificationView[]) {
    const unread = items.filter((n) => !n.read).map((n) => n.id)
    if (unread.length === 0) return
    try {
      const out = await callApi('markNotificationsRead', { ids: unread.slice(0, 50) })
      list.setExtra(() => out.unreadCount)
    } catch {
      // Read state is a nicety: the list itself is what matters, and the next visit tries again.
    }
  }

  return { ...list, items: list.rows, unreadCount: list.extra ?? 0 }
}
