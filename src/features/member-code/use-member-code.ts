import { useCallback, useEffect, useRef, useState } from 'react'
import { callApi, toApiError, type ApiError } from '../../services/api'
import { raiseBrightness, restoreBrightness } from '../../services/device'
import { onNetworkBack } from '../../services/network'
import { memberCodeImages, type CodeImages } from './encode'
import { codeUsableUntilMs, retryDelayMs, secondsUntilRefresh, shouldRetry } from './view-model'

export interface MemberCodeState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  code: string | null
  images: CodeImages | null
  secondsLeft: number
  error: ApiError | null
  refreshing: boolean
  /**
   * The code on screen is the last one received: refreshing it failed (usually no network). The till still
   * accepts it until `usableSecondsLeft` runs out; after that the error state shows instead.
   */
  stale: boolean
  usableSecondsLeft: number
}

const initial: MemberCodeState = {
  status: 'idle',
  code: null,
  images: null,
  secondsLeft: 0,
  error: null,
  refreshing: false,
  stale: false,
  usableSecondsLeft: 0,
}
const TICK_MS = 1000

/**
 * The rotating member code while `active` (the card is on screen): fetched on activation, refreshed when the
 * server's refreshAt arrives (about every 60 s) or on demand, with a countdown; brightness is raised while a
 * code is shown and restored when the page hides or unmounts.
 *
 * When a refresh fails, the last code stays on screen, marked stale, for as long as the server still accepts it;
 * the hook retries with backoff and at once when the network comes back, so it recovers without a tap.
 */
export function useMemberCode(active: boolean) {
  const [state, setState] = useState<MemberCodeState>(initial)
  const refreshAtMs = useRef(0)
  /** Local time until which the code on screen is still accepted at the till (0: no code). */
  const usableUntilMs = useRef(0)
  /** Next automatic retry after a failure (0: none planned), and how many failures in a row. */
  const retryAtMs = useRef(0)
  const failures = useRef(0)
  const inFlight = useRef(false)
  const alive = useRef(true)

  const refresh = useCallback(async () => {
    if (inFlight.current) return
    inFlight.current = true
    retryAtMs.current = 0
    setState((s) => ({ ...s, status: s.code ? s.status : 'loading', refreshing: true }))
    try {
      const out = await callApi('getMemberCode', {})
      const receivedMs = Date.now()
      const secs = secondsUntilRefresh(out.issuedAt, out.refreshAt)
      refreshAtMs.current = receivedMs + secs * 1000
      usableUntilMs.current = codeUsableUntilMs(receivedMs)
      failures.current = 0
      if (alive.current) {
        setState({
          status: 'ready',
          code: out.code,
          images: memberCodeImages(out.code),
          secondsLeft: secs,
          error: null,
          refreshing: false,
          stale: false,
          usableSecondsLeft: 0,
        })
      }
    } catch (e) {
      const error = toApiError(e)
      refreshAtMs.current = 0
      failures.current += 1
      if (shouldRetry(error)) retryAtMs.current = Date.now() + retryDelayMs(failures.current)
      const left = Math.ceil((usableUntilMs.current - Date.now()) / 1000)
      if (alive.current) {
        if (left > 0) {
          // The till still accepts the last code: keep it on screen, marked, rather than leave the member empty-handed.
          setState((s) => (s.code ? { ...s, status: 'ready', error, refreshing: false, stale: true, usableSecondsLeft: left } : { ...initial, status: 'error', error }))
        } else {
          usableUntilMs.current = 0
          setState({ ...initial, status: 'error', error })
        }
      }
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
    if (now >= usableUntilMs.current) {
      // Back on screen after the code stopped being accepted: never present it as valid while the new one loads.
      usableUntilMs.current = 0
      setState({ ...initial, status: 'loading', refreshing: true })
    } else {
      const left = Math.max(0, Math.ceil((refreshAtMs.current - now) / 1000))
      setState((s) => (s.secondsLeft === left ? s : { ...s, secondsLeft: left }))
    }
    failures.current = 0
    void refresh()

    const tick = () => {
      const t = Date.now()
      if (usableUntilMs.current > 0 && t >= usableUntilMs.current && refreshAtMs.current === 0) {
        // A stale code just expired at the till: show the error (the retries go on).
        usableUntilMs.current = 0
        setState((s) => ({ ...initial, status: 'error', error: s.error, refreshing: s.refreshing }))
      } else if (usableUntilMs.current > 0 && refreshAtMs.current === 0) {
        const usable = Math.ceil((usableUntilMs.current - t) / 1000)
        setState((s) => (s.usableSecondsLeft === usable ? s : { ...s, usableSecondsLeft: usable }))
      }
      if (retryAtMs.current > 0 && t >= retryAtMs.current) {
        void refresh()
        return
      }
      if (refreshAtMs.current === 0) return
      const left = Math.ceil((refreshAtMs.current - t) / 1000)
      if (left <= 0) {
        // "正在刷新…" while the new code is on its way, not a countdown stuck at 1.
        setState((s) => (s.secondsLeft === 0 ? s : { ...s, secondsLeft: 0 }))
        void refresh()
      } else setState((s) => (s.secondsLeft === left ? s : { ...s, secondsLeft: left }))
    }
    const timer = setInterval(tick, TICK_MS)
    const stopListening = onNetworkBack(() => {
      // Back online: do not wait for the next backoff step.
      if (refreshAtMs.current !== 0) return
      failures.current = 0
      void refresh()
    })
    return () => {
      clearInterval(timer)
      stopListening()
    }
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
