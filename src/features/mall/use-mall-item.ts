import { useCallback, useRef, useState } from 'react'
import type { ApiOutput } from '../../contract'
import type { MallBalanceView, MallItemView, RedemptionView } from '../../contract/mall'
import { callApi, toApiError, type ApiError } from '../../services/api'
import { toast } from '../../services/device'
import { newRequestId } from '../common/request-id'

export interface MallItemState {
  status: 'loading' | 'ready' | 'error'
  balance: MallBalanceView | null
  item: MallItemView | null
  description: string | null
  error: ApiError | null
  redeeming: boolean
  /** The server's refusal of the last redemption, in its words (积分不足（差 120 分）, 已兑完, 每人限兑 1 件). */
  refusal: string | null
  /** A coupon item redeemed: 已放入券包, with a link to the wallet. */
  delivered: RedemptionView | null
}

const initial: MallItemState = { status: 'loading', balance: null, item: null, description: null, error: null, redeeming: false, refusal: null, delivered: null }

export type RedeemOutcome = ApiOutput<'redeemMallItem'> | null

/**
 * One mall item and its redemption. The requestId is made at the confirming tap and kept while the answer is
 * unknown (offline, timeout): confirming the same quantity again repeats that request, so a redemption that did
 * reach the server comes back (`repeated`) instead of a second one. Any other answer retires it. After a refusal
 * the item is reloaded, so its state (已兑完, 差 X 分) is the server's current one.
 */
export function useMallItem() {
  const [state, setState] = useState<MallItemState>(initial)
  const idRef = useRef<string | null>(null)
  const busy = useRef(false)
  const unanswered = useRef<{ quantity: number; requestId: string } | null>(null)

  const load = useCallback(async (id?: string) => {
    if (id !== undefined) idRef.current = id
    const itemId = idRef.current
    if (!itemId) {
      setState({ ...initial, status: 'error', error: toApiError(new Error('no id')) })
      return
    }
    setState((s) => (s.item ? s : { ...initial }))
    try {
      const out = await callApi('getMallItem', { itemId })
      setState((s) => ({ ...s, status: 'ready', balance: out.balance, item: out.item, description: out.description, error: null }))
    } catch (e) {
      const error = toApiError(e)
      setState((s) => (s.item ? s : { ...initial, status: 'error', error }))
    }
  }, [])

  const redeem = useCallback(
    async (quantity: number): Promise<RedeemOutcome> => {
      const itemId = idRef.current
      if (busy.current || !itemId) return null
      busy.current = true
      const pending = unanswered.current
      const requestId = pending && pending.quantity === quantity ? pending.requestId : newRequestId()
      unanswered.current = { quantity, requestId }
      setState((s) => ({ ...s, redeeming: true, refusal: null }))
      try {
        const out = await callApi('redeemMallItem', { itemId, quantity, requestId })
        unanswered.current = null
        setState((s) => ({
          ...s,
          redeeming: false,
          balance: s.balance && { ...s.balance, points: out.pointsBalance },
          delivered: out.redemption.kind === 'coupon' ? out.redemption : null,
        }))
        if (out.redemption.kind === 'coupon') toast('兑换成功，已放入券包', 'success')
        return out
      } catch (e) {
        const error = toApiError(e)
        if (!error.isOffline) unanswered.current = null
        setState((s) => ({ ...s, redeeming: false, refusal: error.message }))
        toast(error.message)
        if (!error.isOffline) void load()
        return null
      } finally {
        busy.current = false
      }
    },
    [load],
  )

  return { ...state, load, redeem }
}
