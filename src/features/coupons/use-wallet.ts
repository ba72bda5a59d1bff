import { useCallback, useRef, useState } from 'react'
import type { MemberCouponView, WalletTab } from '../../contract/coupons'
import { callApi, toApiError, type ApiError } from '../../services/api'

export const PAGE_SIZE = 20
const MAX_ROWS = 1000

type Counts = Record<WalletTab, number>

export interface WalletState {
  tab: WalletTab
  status: 'loading' | 'ready' | 'error'
  coupons: MemberCouponView[]
  nextCursor: string | null
  counts: Counts | null
  loadingMore: boolean
  moreError: ApiError | null
  error: ApiError | null
}

const initial: WalletState = { tab: 'usable', status: 'loading', coupons: [], nextCursor: null, counts: null, loadingMore: false, moreError: null, error: null }

/**
 * 我的券包, one tab at a time (可用 soonest to expire first, as the server orders it), a page at a time; the counts
 * for the tab titles come with every page. A late answer for a tab no longer shown is dropped.
 */
export function useWallet() {
  const [state, setState] = useState<WalletState>(initial)
  const tabRef = useRef<WalletTab>('usable')
  const cursor = useRef<string | null>(null)
  const generation = useRef(0)
  const busy = useRef(false)

  const load = useCallback(async (tab: WalletTab) => {
    const mine = ++generation.current
    tabRef.current = tab
    cursor.current = null
    busy.current = true
    // The same tab again (back from a coupon's detail) stays on screen while it refreshes: no spinner flash.
    setState((s) => (s.tab === tab && s.status === 'ready' ? s : { ...initial, tab, counts: s.counts }))
    try {
      const out = await callApi('listMyCoupons', { tab, limit: PAGE_SIZE })
      if (mine !== generation.current) return
      cursor.current = out.nextCursor
      setState({ ...initial, tab, status: 'ready', coupons: out.coupons, nextCursor: out.nextCursor, counts: out.counts })
    } catch (e) {
      if (mine !== generation.current) return
      setState((s) => ({ ...initial, tab, counts: s.counts, status: 'error', error: toApiError(e) }))
    } finally {
      if (mine === generation.current) busy.current = false
    }
  }, [])

  const reload = useCallback(() => load(tabRef.current), [load])

  const loadMore = useCallback(async () => {
    const from = cursor.current
    if (busy.current || !from) return
    const mine = generation.current
    const tab = tabRef.current
    busy.current = true
    setState((s) => ({ ...s, loadingMore: true, moreError: null }))
    try {
      const out = await callApi('listMyCoupons', { tab, cursor: from, limit: PAGE_SIZE })
      if (mine !== generation.current) return
      cursor.current = out.nextCursor
      setState((s) => {
        const seen = new Set(s.coupons.map((c) => c.id))
        const coupons = s.coupons.concat(out.coupons.filter((c) => !seen.has(c.id))).slice(0, MAX_ROWS)
        return { ...s, coupons, nextCursor: out.nextCursor, counts: out.counts, loadingMore: false }
      })
    } catch (e) {
      if (mine !== generation.current) return
      setState((s) => ({ ...s, loadingMore: false, moreError: toApiError(e) }))
    } finally {
      if (mine === generation.current) busy.current = false
    }
  }, [])

  return { ...state, hasMore: state.nextCursor !== null, load, reload, loadMore }
}
