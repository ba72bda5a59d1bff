import { useCallback, useEffect, useRef, useState } from 'react'
import { callApi, toApiError, type ApiError } from '../../services/api'
import { raiseBrightness, restoreBrightness } from '../../services/device'
import { memberCodeImages, type CodeImages } from './encode'
import { secondsUntilRefresh } from './view-model'

export interface MemberCodeState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  code: string | null
  images: CodeImages | null
  secondsLeft: number
  error: ApiError | null
  refreshing: boolean
}

const initial: MemberCodeState = { status: 'idle', code: null, images: null, secondsLeft: 0, error: null, refreshing: false }
const TICK_MS = 1000

/**
 * The rotating member code while `active` (the card is on screen): fetched on activation, refreshed when the
 * server's refreshAt arrives (about every 60 s) or on demand, with a countdown; brightness is raised while a
 * code is shown and restored when the page hides or unmounts.
 */
export function useMemberCode(active: boolean) {
  const [state, setState] = useState<MemberCodeState>(initial)
  const refreshAtMs = useRef(0)
  const inFlight = useRef(false)
  const alive = useRef(true)

  const refresh = useCallback(async () => {
    if (inFlight.current) return
    inFlight.current = true
    setState((s) => ({ ...s, status: s.code ? s.status : 'loading', refreshing: true }))
    try {
      const out = await callApi('getMemberCode', {})
      const secs = secondsUntilRefresh(out.issuedAt, out.refreshAt)
      refreshAtMs.current = Date.now() + secs * 1000
      if (alive.current) {
        setState({ status: 'ready', code: out.code, images: memberCodeImages(out.code), secondsLeft: secs, error: null, refreshing: false })
      }
    } catch (e) {
      // A stale code is refused at the till, so an old code is not shown as if it were valid.
      refreshAtMs.current = 0
      if (alive.current) setState({ ...initial, status: 'error', error: toApiError(e) })
    } finally {
      inFlight.current = false
    }
  }, [])

  useEffect(() => {
    alive.current = true
    return () => {
      alive.current = false
    }
  }, [])

  useEffect(() => {
    if (!active) return undefined
    const now = Date.now()
    if (now >= refreshAtMs.current) {
      // Back on screen after the refresh time passed (hidden longer than the interval): the code still in state
      // may be stale, and a frozen countdown would present it as valid. Show the loading state until the new one.
      setState({ ...initial, status: 'loading', refreshing: true })
    } else {
      const left = Math.ceil((refreshAtMs.current - now) / 1000)
      setState((s) => (s.secondsLeft === left ? s : { ...s, secondsLeft: left }))
    }
    void refresh()
    const timer = setInterval(() => {
      if (refreshAtMs.current === 0) return // in error: wait for the user's 刷新
      const left = Math.ceil((refreshAtMs.current - Date.now()) / 1000)
      if (left <= 0) {
        // "正在刷新…" while the new code is on its way, not a countdown stuck at 1.
        setState((s) => (s.secondsLeft === 0 ? s : { ...s, secondsLeft: 0 }))
        void refresh()
      } else setState((s) => (s.secondsLeft === left ? s : { ...s, secondsLeft: left }))
    }, TICK_MS)
    return () => clearInterval(timer)
  }, [active, refresh])

  const showing = active && state.status === 'ready'
  useEffect(() => {
    if (!showing) return undefined
    void raiseBrightness()
    return () => {
      void restoreBrightness()
    }
  }, [showing])

  return { ...state, refresh }
}
