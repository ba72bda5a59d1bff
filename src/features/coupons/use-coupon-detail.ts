import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { MemberCouponView } from '../../contract/coupons'
import { callApi, toApiError, type ApiError } from '../../services/api'
import { raiseBrightness, restoreBrightness } from '../../services/device'
import { qrDataUri } from '../member-code/encode'
import { showsCode } from './view-model'

export interface CouponDetailState {
  status: 'loading' | 'ready' | 'error'
  coupon: MemberCouponView | null
  error: ApiError | null
}

/**
 * One of the member's coupons with its one-time code. The QR is drawn only while the coupon is usable now (a used
 * or expired coupon shows why instead), and the screen is at full brightness while it shows, like the member code.
 */
export function useCouponDetail(visible: boolean) {
  const [state, setState] = useState<CouponDetailState>({ status: 'loading', coupon: null, error: null })
  const idRef = useRef<string | null>(null)

  const load = useCallback(async (id?: string) => {
    if (id !== undefined) idRef.current = id
    const current = idRef.current
    if (!current) {
      setState({ status: 'error', coupon: null, error: toApiError(new Error('no id')) })
      return
    }
    setState((s) => ({ status: s.coupon ? 'ready' : 'loading', coupon: s.coupon, error: null }))
    try {
      const { coupon } = await callApi('getMyCoupon', { id: current })
      setState({ status: 'ready', coupon, error: null })
    } catch (e) {
      setState({ status: 'error', coupon: null, error: toApiError(e) })
    }
  }, [])

  const code = state.coupon && showsCode(state.coupon) ? state.coupon.code ?? null : null
  const qr = useMemo(() => (code ? qrDataUri(code) : null), [code])

  const showing = visible && qr !== null
  useEffect(() => {
    if (!showing) return undefined
    void raiseBrightness()
    return () => {
      void restoreBrightness()
    }
  }, [showing])

  return { ...state, code, qr, load }
}
