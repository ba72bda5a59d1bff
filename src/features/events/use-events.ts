import { useCallback, useRef, useState } from 'react'
import type { EventCardView } from '../../contract/events'
import { callApi, toApiError, type ApiError } from '../../services/api'

export interface EventsState {
  status: 'loading' | 'ready' | 'error'
  events: EventCardView[]
  pointsBalance: number | null
  error: ApiError | null
  /** A refresh failed offline while the last list is on screen: it stays, with a banner. */
  offline: boolean
}

const initial: EventsState = { status: 'loading', events: [], pointsBalance: null, error: null, offline: false }

/**
 * The 活动 tab: upcoming events with the caller's state in each. A refresh (tab shown again, pull down) keeps what
 * is on screen; a late answer to a replaced refresh is dropped.
 */
export function useEvents() {
  const [state, setState] = useState<EventsState>(initial)
  const generation = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setState((s) => (s.status === 'ready' ? s : initial))
    try {
      const out = await callApi('listEvents', {})
      if (mine !== generation.current) return
      setState({ status: 'ready', events: out.events, pointsBalance: out.pointsBalance, error: null, offline: false })
    } catch (e) {
      if (mine !== generation.current) return
      const error = toApiError(e)
      setState((s) => (s.status === 'ready' && error.isOffline ? { ...s, offline: true } : { ...initial, status: 'error', error }))
    }
  }, [])

  return { ...state, reload }
}
