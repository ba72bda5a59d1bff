import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { RedemptionView } from '../../contract/mall'
import { callApi, toApiError, type ApiError } from '../../services/api'
import { raiseBrightness, restoreBrightness, toast } from '../../services/device'
import { qrDataUri } from '../member-code/encode'
import { pointsText } from './view-model'

export interface RedemptionState {
  status: 'loading' | 'ready' | 'error'
  redemption: RedemptionView | null
  error: ApiError | null
  cancelling: boolean
  /** After 取消兑换: the points that came back and the balance now. */
  cancelled: { pointsReturned: number; pointsBalance: number } | null
}

const initial: RedemptionState = { status: 'loading', redemption: null, error: null, cancelling: false, cancelled: null }

/**
 * One of the member's redemptions. While a gift is held its pick-up code shows as a QR at full brightness, like
 * the member code and a coupon's code; 取消兑换 returns the points (the server does it once, whatever the taps).
 */
export function useRedemption(visible: boolean) {
  const [state, setState] = useState<RedemptionState>(initial)
  const idRef = useRef<string | null>(null)
  const busy = useRef(false)

  const load = useCallback(async (id?: string) => {
    if (id !== undefined) idRef.current = id
    const redemptionId = idRef.current
    if (!redemptionId) {
      setState({ ...initial, status: 'error', error: toApiError(new Error('no id')) })
      return
    }
    setState((s) => (s.redemption ? s : initial))
    try {
      const { redemption } = await callApi('getMyRedemption', { redemptionId })
      setState((s) => ({ ...s, status: 'ready', redemption, error: null }))
    } catch (e) {
      const error = toApiError(e)
      setState((s) => (s.redemption ? s : { ...initial, status: 'error', error }))
    }
  }, [])

  const cancel = useCallback(async () => {
    const redemptionId = idRef.current
    if (busy.current || !redemptionId) return
    busy.current = true
    setState((s) => ({ ...s, cancelling: true }))
    try {
      const out = await callApi('cancelMyRedemption', { redemptionId })
      const returned = out.redemption.pointsReturned ?? 0
      setState((s) => ({ ...s, cancelling: false, redemption: out.redemption, cancelled: { pointsReturned: returned, pointsBalance: out.pointsBalance } }))
      toast(`已取消，${pointsText(returned)} 积分已退回`, 'success')
    } catch (e) {
      const error = toApiError(e)
      setState((s) => ({ ...s, cancelling: false }))
      toast(error.message)
      // Picked up or expired meanwhile: show what it is now.
      if (!error.isOffline) void load()
    } finally {
      busy.current = false
    }
  }, [load])

  const r = state.redemption
  const code = r && r.status === 'held' && r.pickupCode ? r.pickupCode : null
  const qr = useMemo(() => (code ? qrDataUri(code) : null), [code])
  const showing = visible && qr !== null
  useEffect(() => {
    if (!showing) return undefined
    void raiseBrightness()
    return () => {
      void restoreBrightness()
    }
  }, [showing])

  return { ...state, code, qr, load, cancel }
}
