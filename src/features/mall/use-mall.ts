import { useCallback, useRef, useState } from 'react'
import type { MallBalanceView, MallItemView } from '../../contract/mall'
import { callApi, toApiError, type ApiError } from '../../services/api'

export interface MallState {
  status: 'loading' | 'ready' | 'error'
  balance: MallBalanceView | null
  items: MallItemView[]
  error: ApiError | null
  /** A refresh failed offline while the last catalogue is on screen: it stays, with a banner. */
  offline: boolean
}

const initial: MallState = { status: 'loading', balance: null, items: [], error: null, offline: false }

/**
 * The 积分商城 tab: the caller's balance and the catalogue with each item's state for them. A refresh (tab shown
 * again, pull down) keeps what is on screen; a late answer to a replaced refresh is dropped.
 */
export function useMall() {
  const [state, setState] = useState<MallState>(initial)
  const generation = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setState((s) => (s.status === 'ready' ? s : initial))
    try {
      const out = await callApi('listMallItems', {})
      if (mine !== generation.current) return
      setState({ status: 'ready', balance: out.balance, items: out.items, error: null, offline: false })
    } catch (e) {
      if (mine !== generation.current) return
      const error = toApiError(e)
      setState((s) => (s.status === 'ready' && error.isOffline ? { ...s, offline: true } : { ...initial, status: 'error', error }))
    }
  }, [])

  return { ...state, reload }
}
