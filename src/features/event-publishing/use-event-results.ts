import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiOutput } from '../../contract'
import { callApi, toApiError } from '../../services/api'
import { copyText, toast } from '../../services/device'
import { downloadCsv } from './csv-download'

type Results = ApiOutput<'getEventResults'>

export interface ResultsState {
  status: 'loading' | 'ready' | 'error'
  data: Results | null
  error: string | null
  offline: boolean
  exporting: boolean
  /** WeChat cannot save a file: say where to export, after copying the CSV when possible. */
  exportNote: string | null
}

/** 报名与数据: the counts, ratings, comments and the 30-day spend; 导出名单 (a CSV download on H5). */
export function useEventResults(id: string | null) {
  const [s, setS] = useState<ResultsState>({ status: 'loading', data: null, error: null, offline: false, exporting: false, exportNote: null })
  const patch = (p: Partial<ResultsState>) => setS((prev) => ({ ...prev, ...p }))
  const busy = useRef(false)

  const load = useCallback(async () => {
    if (!id) return patch({ status: 'error', error: '未指定活动' })
    patch({ status: 'loading', error: null })
    try {
      patch({ status: 'ready', data: await callApi('getEventResults', { eventId: id }), offline: false })
    } catch (e) {
      const error = toApiError(e)
      patch({ status: 'error', error: error.message, offline: error.isOffline })
    }
  }, [id])

  useEffect(() => void load(), [load])

  const exportRoster = useCallback(async () => {
    if (busy.current || !id) return
    busy.current = true
    patch({ exporting: true, exportNote: null })
    try {
      const out = await callApi('exportEventRoster', { eventId: id })
      if (downloadCsv(out.filename, out.csv)) toast(`已导出 ${out.rows} 条报名`, 'success')
      else {
        const copied = await copyText(out.csv)
        patch({ exportNote: copied ? `名单（${out.rows} 条）已复制，可粘贴到电脑表格中；也可在电脑浏览器中导出` : '请在电脑浏览器中导出' })
      }
    } catch (e) {
      toast(toApiError(e).message)
    } finally {
      busy.current = false
      patch({ exporting: false })
    }
  }, [id])

  return { ...s, load, exportRoster }
}
