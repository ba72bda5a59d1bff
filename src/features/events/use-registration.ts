import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { EventFeedbackView, RegistrationView } from '../../contract/events'
import { callApi, toApiError, type ApiError } from '../../services/api'
import { raiseBrightness, restoreBrightness, toast } from '../../services/device'
import { qrDataUri } from '../member-code/encode'
import { pointsText } from './view-model'

export interface RegistrationState {
  status: 'loading' | 'ready' | 'error'
  registration: RegistrationView | null
  error: ApiError | null
  cancelling: boolean
  /** After 取消报名: the balance now (the points that came back are on the registration). */
  balanceAfterCancel: number | null
}

const initial: RegistrationState = { status: 'loading', registration: null, error: null, cancelling: false, balanceAfterCancel: null }

/**
 * One of the member's registrations. While it holds a seat its ticket shows as a QR at full brightness (like the
 * member code and a pick-up code); 取消报名 / 退出候补 returns the points (the server does it once, whatever the taps).
 */
export function useRegistration(visible: boolean) {
  const [state, setState] = useState<RegistrationState>(initial)
  const idRef = useRef<string | null>(null)
  const busy = useRef(false)

  const load = useCallback(async (id?: string) => {
    if (id !== undefined) idRef.current = id
    const registrationId = idRef.current
    if (!registrationId) {
      setState({ ...initial, status: 'error', error: toApiError(new Error('no id')) })
      return
    }
    setState((s) => (s.registration ? s : initial))
    try {
      const { registration } = await callApi('getMyRegistration', { registrationId })
      setState((s) => ({ ...s, status: 'ready', registration, error: null }))
    } catch (e) {
      const error = toApiError(e)
      setState((s) => (s.registration ? s : { ...initial, status: 'error', error }))
    }
  }, [])

  const cancel = useCallback(async () => {
    const registrationId = idRef.current
    if (busy.current || !registrationId) return
    busy.current = true
    setState((s) => ({ ...s, cancelling: true }))
    try {
      const out = await callApi('cancelMyRegistration', { registrationId })
      const back = out.registration.pointsRefunded ?? 0
      setState((s) => ({ ...s, cancelling: false, registration: out.registration, balanceAfterCancel: out.pointsBalance }))
      toast(back > 0 ? `已取消，${pointsText(back)} 积分已退回` : '已取消', 'success')
    } catch (e) {
      const error = toApiError(e)
      setState((s) => ({ ...s, cancelling: false }))
      toast(error.message)
      // Past the cut-off or promoted meanwhile: show what it is now.
      if (!error.isOffline) void load()
    } finally {
      busy.current = false
    }
  }, [load])

  /** The feedback form saved: show it, and reload for canGiveFeedback / editableUntil as the server sees them. */
  const feedbackSaved = useCallback(
    (feedback: EventFeedbackView) => {
      setState((s) => ({ ...s, registration: s.registration && { ...s.registration, feedback } }))
      void load()
    },
    [load],
  )

  const r = state.registration
  const code = r && (r.status === 'registered' || r.status === 'attended') && r.ticketCode ? r.ticketCode : null
  const qr = useMemo(() => (code ? qrDataUri(code) : null), [code])
  // Full brightness only while the ticket is there to be scanned (not after check-in).
  const showing = visible && qr !== null && r?.status === 'registered'
  useEffect(() => {
    if (!showing) return undefined
    void raiseBrightness()
    return () => {
      void restoreBrightness()
    }
  }, [showing])

  return { ...state, code, qr, load, cancel, feedbackSaved }
}
