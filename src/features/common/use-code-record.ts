import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { toApiError, type ApiError } from '../../services/api'
import { raiseBrightness, restoreBrightness, toast } from '../../services/device'
import { qrDataUri } from '../member-code/encode'

export interface CodeRecordState<R, Done> {
  status: 'loading' | 'ready' | 'error'
  record: R | null
  error: ApiError | null
  cancelling: boolean
  /** What the cancel reported (points back, the balance now), once it succeeded. */
  cancelled: Done | null
}

function empty<R, Done>(): CodeRecordState<R, Done> {
  return { status: 'loading', record: null, error: null, cancelling: false, cancelled: null }
}

export interface CodeRecordSpec<R, Done> {
  fetch: (id: string) => Promise<R>
  cancel: (id: string) => Promise<{ record: R; done: Done }>
  cancelledText: (done: Done) => string
  /** The one-time code to show as a QR now, or null. */
  codeOf: (record: R) => string | null
  /** Whether the screen is brightened while the code shows (for a scanner to read it). */
  brightFor: (record: R) => boolean
}

/**
 * One of the member's records that carries a code to show at the till or the door (a pick-up, an event ticket):
 * loaded by id, its code as a QR at full brightness while it can be scanned (like the member code), and a cancel
 * that the server performs once whatever the taps. A failed cancel reloads to show what the record is now (picked
 * up, checked in, past the cut-off). `spec` is read when called.
 */
export function useCodeRecord<R, Done>(spec: CodeRecordSpec<R, Done>, visible: boolean) {
  const [state, setState] = useState(empty<R, Done>)
  const latest = useRef(spec)
  latest.current = spec
  const idRef = useRef<string | null>(null)
  const busy = useRef(false)

  const load = useCallback(async (id?: string) => {
    if (id !== undefined) idRef.current = id
    const recordId = idRef.current
    if (!recordId) {
      setState({ ...empty<R, Done>(), status: 'error', error: toApiError(new Error('no id')) })
      return
    }
    setState((s) => (s.record ? s : empty<R, Done>()))
    try {
      const record = await latest.current.fetch(recordId)
      setState((s) => ({ ...s, status: 'ready', record, error: null }))
    } catch (e) {
      const error = toApiError(e)
      setState((s) => (s.record ? s : { ...empty<R, Done>(), status: 'error', error }))
    }
  }, [])

  const cancel = useCallback(async () => {
    const recordId = idRef.current
    if (busy.current || !recordId) return
    busy.current = true
    setState((s) => ({ ...s, cancelling: true }))
    try {
      const { record, done } = await latest.current.cancel(recordId)
      setState((s) => ({ ...s, cancelling: false, record, cancelled: done }))
      toast(latest.current.cancelledText(done), 'success')
    } catch (e) {
      const error = toApiError(e)
      setState((s) => ({ ...s, cancelling: false }))
      toast(error.message)
      if (!error.isOffline) void load()
    } finally {
      busy.current = false
    }
  }, [load])

  /** A change the page made itself (the feedback saved), shown at once. */
  const patch = useCallback((change: (record: R) => R) => setState((s) => ({ ...s, record: s.record && change(s.record) })), [])

  const r = state.record
  const code = r ? spec.codeOf(r) : null
  const qr = useMemo(() => (code ? qrDataUri(code) : null), [code])
  const showing = visible && qr !== null && r !== null && spec.brightFor(r)
  useEffect(() => {
    if (!showing) return undefined
    void raiseBrightness()
    return () => {
      void restoreBrightness()
    }
  }, [showing])

  return { ...state, code, qr, load, cancel, patch }
}
