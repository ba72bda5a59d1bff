import { useCallback, useRef, useState } from 'react'
import type { ClaimableCouponView, MemberCouponView } from '../../contract/coupons'
import { callApi, toApiError, type ApiError } from '../../services/api'
import { toast } from '../../services/device'
import { newRequestId } from '../notifications/view-model'
import { afterClaim, stateAfterClaimError } from './view-model'

export interface ClaimCenterState {
  status: 'loading' | 'ready' | 'error'
  coupons: ClaimableCouponView[]
  error: ApiError | null
  /** The template being claimed: its button shows busy, every claim button waits. */
  claiming: string | null
}

const initial: ClaimCenterState = { status: 'loading', coupons: [], error: null, claiming: null }

/**
 * The 领券中心: what the member can claim, and the claim itself. A request id is made per tap; after a network
 * failure the next tap on the same coupon reuses it, so a claim that did reach the server is answered with the
 * coupon it issued (`repeated`) instead of a second one or a confusing 已领.
 */
export function useClaimCenter() {
  const [state, setState] = useState<ClaimCenterState>(initial)
  const busy = useRef(false)
  const unanswered = useRef(new Map<string, string>())

  const reload = useCallback(async () => {
    // A reload after a claim keeps the list on screen; the first load (or one after an error) shows loading.
    setState((s) => (s.status === 'ready' ? s : initial))
    try {
      const out = await callApi('listClaimableCoupons', {})
      setState({ ...initial, status: 'ready', coupons: out.coupons })
    } catch (e) {
      setState({ ...initial, status: 'error', error: toApiError(e) })
    }
  }, [])

  const claim = useCallback(async (templateId: string): Promise<MemberCouponView | null> => {
    if (busy.current) return null
    busy.current = true
    const requestId = unanswered.current.get(templateId) ?? newRequestId()
    unanswered.current.set(templateId, requestId)
    setState((s) => ({ ...s, claiming: templateId }))
    const update = (f: (c: ClaimableCouponView) => ClaimableCouponView) =>
      setState((s) => ({ ...s, claiming: null, coupons: s.coupons.map((c) => (c.templateId === templateId ? f(c) : c)) }))
    try {
      const out = await callApi('claimCoupon', { templateId, requestId })
      unanswered.current.delete(templateId)
      update(afterClaim)
      toast(out.repeated ? '已领取，可在券包查看' : '领取成功，已放入券包', 'success')
      return out.coupon
    } catch (e) {
      const error = toApiError(e)
      if (!error.isOffline) unanswered.current.delete(templateId)
      const next = stateAfterClaimError(error.code)
      update((c) => (next ? { ...c, state: next, reason: error.message } : c))
      toast(error.message)
      return null
    } finally {
      busy.current = false
    }
  }, [])

  return { ...state, reload, claim }
}
