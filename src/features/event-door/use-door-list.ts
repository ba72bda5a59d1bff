import { useCallback, useEffect, useRef, useState } from 'react'
import type { DoorEntryView, DoorEventView } from '../../contract/event-door'
import { callApi, toApiError } from '../../services/api'
import { usePageVisible } from '../common/use-page-visible'

/** The door list is read again this often while the page is on screen (other desks check people in too). */
export const DOOR_REFRESH_MS = 10_000

export interface DoorListState {
  /** The events to choose from (today's, and those whose check-in is open). */
  events: DoorEventView[] | null
  eventsStatus: 'loading' | 'ready' | 'error'
  event: DoorEventView | null
  entries: DoorEntryView[]
  listStatus: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  offline: boolean
}

/**
 * The door's events and the chosen event's live list: read when chosen, then every 10 s while the page is visible
 * (no timer while hidden: a phone left on another page must not poll). A failed refresh keeps the list on screen.
 */
export function useDoorList(initialId: string | null) {
  const [eventId, setEventId] = useState<string | null>(initialId)
  const [s, setS] = useState<DoorListState>({ events: null, eventsStatus: 'loading', event: null, entries: [], listStatus: 'idle', error: null, offline: false })
  const patch = (p: Partial<DoorListState>) => setS((prev) => ({ ...prev, ...p }))
  const visible = usePageVisible()
  const current = useRef(eventId)
  current.current = eventId

  const loadEvents = useCallback(async () => {
    patch({ eventsStatus: 'loading', error: null })
    try {
      const { events } = await callApi('staffListDoorEvents', {})
      patch({ events, eventsStatus: 'ready', offline: false })
    } catch (e) {
      const error = toApiError(e)
      patch({ eventsStatus: 'error', error: error.message, offline: error.isOffline })
    }
  }, [])

  const refresh = useCallback(async () => {
    const id = current.current
    if (!id) return
    setS((prev) => ({ ...prev, listStatus: prev.event?.id === id ? prev.listStatus : 'loading' }))
    try {
      const out = await callApi('staffGetDoorList', { eventId: id })
      if (current.current === id) patch({ event: out.event, entries: out.entries, listStatus: 'ready', error: null, offline: false })
    } catch (e) {
      const error = toApiError(e)
      setS((prev) => ({ ...prev, listStatus: prev.event?.id === id ? 'ready' : 'error', error: error.message, offline: error.isOffline }))
    }
  }, [])

  useEffect(() => {
    if (eventId === null) void loadEvents()
    else void refresh()
  }, [eventId, loadEvents, refresh])

  useEffect(() => {
    if (!visible || eventId === null) return
    const timer = setInterval(() => void refresh(), DOOR_REFRESH_MS)
    return () => clearInterval(timer)
  }, [visible, eventId, refresh])

  /** A check-in or void answered with the entry and the counts: shown at once, before the next refresh. */
  const applyEntry = useCallback((entry: DoorEntryView, event?: DoorEventView) => {
    setS((prev) => {
      const known = prev.entries.some((e) => e.registrationId === entry.registrationId)
      const entries = known ? prev.entries.map((e) => (e.registrationId === entry.registrationId ? entry : e)) : [entry, ...prev.entries]
      return { ...prev, entries, event: event ?? prev.event }
    })
  }, [])

  const choose = (id: string | null) => {
    setS((prev) => ({ ...prev, event: null, entries: [], listStatus: id ? 'loading' : 'idle' }))
    setEventId(id)
  }

  return { ...s, eventId, loadEvents, refresh, applyEntry, choose }
}

export type DoorList = ReturnType<typeof useDoorList>
