import { useCallback, useRef, useState } from 'react'
import type { AdminEventView, EVENT_ADMIN_TABS } from '../../contract/event-publishing'
import { callApi, toApiError } from '../../services/api'

export type EventAdminTab = (typeof EVENT_ADMIN_TABS)[number]

export interface EventListState {
  tab: EventAdminTab
  status: 'loading' | 'ready' | 'error'
  events: AdminEventView[]
  error: string | null
  offline: boolean
}

/** 活动管理: one tab's events. A reload that fails keeps what is on screen and says so. */
export function useEventAdminList() {
  const [s, setS] = useState<EventListState>({ tab: 'active', status: 'loading', events: [], error: null, offline: false })
  const tabRef = useRef<EventAdminTab>('active')

  const load = useCallback(async (tab: EventAdminTab = tabRef.current) => {
    const switching = tab !== tabRef.current
    tabRef.current = tab
    setS((prev) => ({ ...prev, tab, status: switching || prev.status === 'error' ? 'loading' : prev.status, events: switching ? [] : prev.events, error: null }))
    try {
      const { events } = await callApi('listEventsAdmin', { tab })
      if (tabRef.current === tab) setS((prev) => ({ ...prev, status: 'ready', events, offline: false }))
    } catch (e) {
      const error = toApiError(e)
      if (tabRef.current === tab) setS((prev) => ({ ...prev, status: prev.status === 'ready' ? 'ready' : 'error', error: error.message, offline: error.isOffline }))
    }
  }, [])

  return { ...s, load }
}
