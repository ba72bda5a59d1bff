import { useCallback, useRef, useState } from 'react'
import { eventPublishingApi, type AdminEventView } from '../../contract/event-publishing'
import { callApi, toApiError } from '../../services/api'

const cancelInput = eventPublishingApi.cancelEvent.input

export interface CancelState {
  open: boolean
  reason: string
  cancelling: boolean
  error: string | null
  /** What the cancel did: shown on the editor afterwards. */
  done: { registrationsCancelled: number; pointsRefunded: number } | null
}

/** 取消活动: a reason, a confirm, then every registration cancelled and the points refunded (once, server side). */
export function useCancelEvent(eventId: string | null, onCancelled: (event: AdminEventView) => void) {
  const [s, setS] = useState<CancelState>({ open: false, reason: '', cancelling: false, error: null, done: null })
  const patch = (p: Partial<CancelState>) => setS((prev) => ({ ...prev, ...p }))
  const busy = useRef(false)
  const latest = useRef(s)
  latest.current = s

  const confirm = useCallback(async () => {
    if (busy.current || !eventId) return
    const parsed = cancelInput.safeParse({ eventId, reason: latest.current.reason })
    if (!parsed.success) return patch({ error: parsed.error.issues[0]?.message ?? '请填写取消原因' })
    busy.current = true
    patch({ cancelling: true, error: null })
    try {
      const out = await callApi('cancelEvent', parsed.data)
      patch({ open: false, cancelling: false, done: { registrationsCancelled: out.registrationsCancelled, pointsRefunded: out.pointsRefunded } })
      onCancelled(out.event)
    } catch (e) {
      patch({ cancelling: false, error: toApiError(e).message })
    } finally {
      busy.current = false
    }
  }, [eventId, onCancelled])

  return {
    ...s,
    ask: () => patch({ open: true, error: null }),
    close: () => !busy.current && patch({ open: false }),
    setReason: (reason: string) => patch({ reason, error: null }),
    confirm,
  }
}

export type CancelEvent = ReturnType<typeof useCancelEvent>
