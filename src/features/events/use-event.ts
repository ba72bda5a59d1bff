import { useCallback, useRef, useState } from 'react'
import type { EventDetailView, RegistrationView } from '../../contract/events'
import { callApi, toApiError, type ApiError } from '../../services/api'
import { toast } from '../../services/device'
import { newRequestId } from '../common/request-id'
import { askEventConsent, type ConsentTemplate } from './signup-consent'
import { signupToastText } from './view-model'

export interface EventState {
  status: 'loading' | 'ready' | 'error'
  event: EventDetailView | null
  pointsBalance: number | null
  templates: ConsentTemplate[]
  error: ApiError | null
  signing: boolean
  /** The server's refusal of the last sign-up, in its words (积分不足（差 20 分）, 报名已截止 …). */
  refusal: string | null
}

const initial: EventState = { status: 'loading', event: null, pointsBalance: null, templates: [], error: null, signing: false, refusal: null }

/**
 * One event and the sign-up. `signUp` is a tap handler: its first act is WeChat's subscribe popup (allowed only
 * synchronously from a tap), then the sign-up is sent without waiting for the answer. The requestId is made at the
 * tap and kept while the answer is unknown (offline, timeout), so the retry returns the first result (`repeated`)
 * instead of a second registration; any answer retires it. After a refusal the event is reloaded.
 */
export function useEvent() {
  const [state, setState] = useState<EventState>(initial)
  const idRef = useRef<string | null>(null)
  const templates = useRef<ConsentTemplate[]>([])
  const busy = useRef(false)
  const unanswered = useRef<string | null>(null)

  const load = useCallback(async (id?: string) => {
    if (id !== undefined) idRef.current = id
    const eventId = idRef.current
    if (!eventId) {
      setState({ ...initial, status: 'error', error: toApiError(new Error('no id')) })
      return
    }
    setState((s) => (s.event ? s : initial))
    try {
      const out = await callApi('getEvent', { eventId })
      templates.current = out.subscribeTemplates
      setState((s) => ({ ...s, status: 'ready', event: out.event, pointsBalance: out.pointsBalance, templates: out.subscribeTemplates, error: null }))
    } catch (e) {
      const error = toApiError(e)
      setState((s) => (s.event ? s : { ...initial, status: 'error', error }))
    }
  }, [])

  const send = useCallback(
    async (eventId: string): Promise<RegistrationView | null> => {
      const requestId = unanswered.current ?? newRequestId()
      unanswered.current = requestId
      setState((s) => ({ ...s, signing: true, refusal: null }))
      try {
        const out = await callApi('signUpForEvent', { eventId, requestId })
        unanswered.current = null
        const r = out.registration
        setState((s) => ({
          ...s,
          signing: false,
          pointsBalance: out.pointsBalance,
          event: s.event && { ...s.event, myRegistration: { id: r.id, status: r.status, waitlistPosition: r.waitlistPosition } },
        }))
        toast(signupToastText(r), r.status === 'registered' ? 'success' : 'none')
        void load()
        return r
      } catch (e) {
        const error = toApiError(e)
        if (!error.isOffline) unanswered.current = null
        setState((s) => ({ ...s, signing: false, refusal: error.message }))
        toast(error.message)
        if (!error.isOffline) void load()
        return null
      } finally {
        busy.current = false
      }
    },
    [load],
  )

  /** A tap handler (the button, or the points confirm's 确认报名): nothing may come before the popup. */
  const signUp = useCallback(() => {
    askEventConsent(templates.current)
    const eventId = idRef.current
    if (busy.current || !eventId) return
    busy.current = true
    void send(eventId)
  }, [send])

  return { ...state, load, signUp }
}
