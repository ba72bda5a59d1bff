import { useCallback, useRef, useState } from 'react'
import type { NotificationView } from '../../contract/notifications'
import { callApi, toApiError, type ApiError } from '../../services/api'

export const PAGE_SIZE = 20
const MAX_ROWS = 1000

export interface NotificationsState {
  status: 'loading' | 'ready' | 'error'
  items: NotificationView[]
  nextCursor: string | null
  unreadCount: number
  loadingMore: boolean
  moreError: ApiError | null
  error: ApiError | null
}

const initial: NotificationsState = { status: 'loading', items: [], nextCursor: null, unreadCount: 0, loadingMore: false, moreError: null, error: null }

/** The member's 消息, newest first, a page at a time; opening the list marks what it shows as read. */
export function useNotifications() {
  const [state, setState] = useState<NotificationsState>(initial)
  const busy = useRef(false)
  const cursor = useRef<string | null>(null)

  const markShownRead = useCallback(async (items: NotificationView[]) => {
    const unread = items.filter((n) => !n.read).map((n) => n.id)
    if (unread.length === 0) return
    try {
      const out = await callApi('markNotificationsRead', { ids: unread.slice(0, 50) })
      setState((s) => ({ ...s, unreadCount: out.unreadCount }))
    } catch {
      // Read state is a nicety: the list itself is what matters, and the next visit tries again.
    }
  }, [])

  const reload = useCallback(async () => {
    busy.current = true
    setState(initial)
    try {
      const out = await callApi('listMyNotifications', { limit: PAGE_SIZE })
      cursor.current = out.nextCursor
      setState({ ...initial, status: 'ready', items: out.notifications, nextCursor: out.nextCursor, unreadCount: out.unreadCount })
      void markShownRead(out.notifications)
    } catch (e) {
      setState({ ...initial, status: 'error', error: toApiError(e) })
    } finally {
      busy.current = false
    }
  }, [markShownRead])

  const loadMore = useCallback(async () => {
    const from = cursor.current
    if (busy.current || !from) return
    busy.current = true
    setState((s) => ({ ...s, loadingMore: true, moreError: null }))
    try {
      const out = await callApi('listMyNotifications', { cursor: from, limit: PAGE_SIZE })
      cursor.current = out.nextCursor
      setState((s) => {
        const seen = new Set(s.items.map((n) => n.id))
        const items = s.items.concat(out.notifications.filter((n) => !seen.has(n.id))).slice(0, MAX_ROWS)
        return { ...s, items, nextCursor: out.nextCursor, unreadCount: out.unreadCount, loadingMore: false }
      })
      void markShownRead(out.notifications)
    } catch (e) {
      setState((s) => ({ ...s, loadingMore: false, moreError: toApiError(e) }))
    } finally {
      busy.current = false
    }
  }, [markShownRead])

  return { ...state, hasMore: state.nextCursor !== null, reload, loadMore }
}
