import { useCallback, useRef, useState } from 'react'
import type { AdminEventView, EventNoticePreview } from '../../contract/event-publishing'
import { callApi, toApiError } from '../../services/api'
import { toast } from '../../services/device'
import { storeDayAt } from './form'

export interface PublishState {
  open: boolean
  mode: 'now' | 'scheduled'
  /** Store time; defaults to tomorrow 10:00 on the store's clock. */
  publishAt: string
  notify: boolean
  preview: EventNoticePreview | null
  previewStatus: 'idle' | 'loading' | 'ready' | 'error'
  /** The truncated WeChat field shown in full (tapped). */
  expanded: string | null
  publishing: boolean
  error: string | null
}

const closed: PublishState = { open: false, mode: 'now', publishAt: '', notify: true, preview: null, previewStatus: 'idle', expanded: null, publishing: false, error: null }

/**
 * The publish sheet: 立即发布 or 定时发布 (a store time), 通知会员, and with a notice the preview exactly as members
 * will get it (previewEventNotice writes nothing). Publishing twice is refused by the server (EVENT_ALREADY_PUBLISHED).
 */
export function usePublish(eventId: string | null, onPublished: (event: AdminEventView) => void) {
  const [s, setS] = useState<PublishState>(closed)
  const patch = (p: Partial<PublishState>) => setS((prev) => ({ ...prev, ...p }))
  const busy = useRef(false)
  const latest = useRef(s)
  latest.current = s

  const loadPreview = useCallback(async () => {
    if (!eventId) return
    patch({ previewStatus: 'loading', error: null })
    try {
      patch({ preview: await callApi('previewEventNotice', { eventId }), previewStatus: 'ready' })
    } catch (e) {
      patch({ previewStatus: 'error', error: toApiError(e).message })
    }
  }, [eventId])

  const show = useCallback(() => {
    setS({ ...closed, open: true, publishAt: storeDayAt(Date.now(), 1, '10:00') })
    void loadPreview()
  }, [loadPreview])

  const setNotify = (notify: boolean) => {
    patch({ notify })
    if (notify && latest.current.previewStatus !== 'ready') void loadPreview()
  }

  const confirm = useCallback(async () => {
    const { mode, publishAt, notify } = latest.current
    if (busy.current || !eventId) return
    busy.current = true
    patch({ publishing: true, error: null })
    try {
      const out = await callApi('publishEvent', { eventId, notify, ...(mode === 'scheduled' ? { publishAt } : {}) })
      toast(mode === 'scheduled' ? '已设为定时发布' : notify ? `已发布，已通知 ${out.queued} 位会员` : '已发布', 'success')
      setS(closed)
      onPublished(out.event)
    } catch (e) {
      patch({ publishing: false, error: toApiError(e).message })
    } finally {
      busy.current = false
    }
  }, [eventId, onPublished])

  return {
    ...s,
    show,
    close: () => !busy.current && setS(closed),
    setMode: (mode: PublishState['mode']) => patch({ mode, error: null }),
    setPublishAt: (publishAt: string) => patch({ publishAt, error: null }),
    setNotify,
    expand: (key: string | null) => patch({ expanded: key }),
    loadPreview,
    confirm,
  }
}

export type Publish = ReturnType<typeof usePublish>
