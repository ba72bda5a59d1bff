import type { Dispatch, MutableRefObject, SetStateAction } from 'react'
import { toApiError, type ApiError } from '../../services/api'
import { tillErrorMessage } from './messages'
import type { TillState } from './till-state'

/** What the till's actions share: the latest state, the one-request-at-a-time flag, and the setters. */
export interface TillContext {
  latest: MutableRefObject<TillState>
  busy: MutableRefObject<boolean>
  setS: Dispatch<SetStateAction<TillState>>
  patch: (p: Partial<TillState>) => void
  /** Runs one request at a time with the busy flag set; errors become the till's message (or `onError`). */
  run: (kind: NonNullable<TillState['busy']>, work: () => Promise<void>, onError?: (e: ApiError) => void) => Promise<void>
}

export function tillContext(latest: TillContext['latest'], busy: TillContext['busy'], setS: TillContext['setS']): TillContext {
  const patch = (p: Partial<TillState>) => setS((prev) => ({ ...prev, ...p }))
  const run: TillContext['run'] = async (kind, work, onError) => {
    if (busy.current) return
    busy.current = true
    patch({ busy: kind, error: null })
    try {
      await work()
    } catch (e) {
      const error = toApiError(e)
      if (onError) onError(error)
      else patch({ busy: null, error: tillErrorMessage(error) })
    } finally {
      busy.current = false
    }
  }
  return { latest, busy, setS, patch, run }
}
