import { useCallback, useEffect, useState } from 'react'
import type { BirthdayPageView } from '../../contract/birthday'
import { callApi, toApiError, type ApiError } from '../../services/api'
import { COUNTDOWN_TICK_MS } from './view-model'

export interface BirthdayState {
  status: 'loading' | 'ready' | 'error'
  view: BirthdayPageView | null
  error: ApiError | null
  saving: boolean
  /** Why saving failed (生日如需修改请联系门店 …), shown under the picker. */
  saveError: ApiError | null
}

type Birthday = { month: number; day: number; year?: number }

/** The 生日礼 page: the birthday (set once), this year's gift and the countdown to the month's end, the history. */
export function useBirthday(visible: boolean) {
  const [state, setState] = useState<BirthdayState>({ status: 'loading', view: null, error: null, saving: false, saveError: null })
  const [nowMs, setNowMs] = useState(() => Date.now())

  const reload = useCallback(async () => {
    setState((s) => ({ ...s, status: s.view ? 'ready' : 'loading', error: null }))
    try {
      const view = await callApi('getMyBirthday', {})
      setNowMs(Date.now())
      setState((s) => ({ status: 'ready', view, error: null, saving: false, saveError: s.saveError }))
    } catch (e) {
      setState((s) => ({ ...s, status: 'error', view: null, error: toApiError(e) }))
    }
  }, [])

  /** Saves the birthday (once); the answer is the page with this year's gift when it came at once. */
  const save = useCallback(async (birthday: Birthday): Promise<boolean> => {
    setState((s) => ({ ...s, saving: true, saveError: null }))
    try {
      const view = await callApi('setMyBirthday', { birthday })
      setNowMs(Date.now())
      setState({ status: 'ready', view, error: null, saving: false, saveError: null })
      return true
    } catch (e) {
      const error = toApiError(e)
      setState((s) => ({ ...s, saving: false, saveError: error }))
      // Set meanwhile (another device): show what is stored now.
      if (error.code === 'BIRTHDAY_LOCKED') void reload()
      return false
    }
  }, [reload])

  // The countdown ticks only while the page shows and there is a month end to count to.
  const counting = visible && Boolean(state.view?.monthEndsAt)
  useEffect(() => {
    if (!counting) return undefined
    setNowMs(Date.now())
    const timer = setInterval(() => setNowMs(Date.now()), COUNTDOWN_TICK_MS)
    return () => clearInterval(timer)
  }, [counting])

  return { ...state, nowMs, reload, save }
}
