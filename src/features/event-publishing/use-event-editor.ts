import { useCallback, useEffect, useRef, useState } from 'react'
import type { AdminEventView } from '../../contract/event-publishing'
import { callApi, toApiError } from '../../services/api'
import { toast } from '../../services/device'
import { newRequestId } from '../common/request-id'
import { choosePicture } from '../mall-catalog/picture'
import { changesTimeOrPlace, emptyEventForm, fieldOf, formFromEvent, validateEvent, type EventField, type EventForm } from './form'
import { toldOnChange } from './view-model'

export interface EventEditorState {
  status: 'loading' | 'ready' | 'error'
  /** The event being edited; null until a new one is created (it then stays in the editor, ready to publish). */
  event: AdminEventView | null
  form: EventForm
  /** Whether the form differs from the saved event (publishing sends the saved one). */
  dirty: boolean
  fields: Partial<Record<EventField, string>>
  error: string | null
  offline: boolean
  saving: boolean
  uploading: boolean
  /** A published event's time or place changed: the confirm "将通知已报名的 N 位会员" is open. */
  confirmChange: boolean
}

/**
 * The event editor: create (a draft; one requestId per tap, kept while the answer is unknown) or update. Checked
 * with the contract's schema first; the server's refusals land next to their fields. The cover is uploaded when
 * chosen (the mall's picture helper and upload); the event keeps only its key.
 */
export function useEventEditor(id: string | null) {
  const [s, setS] = useState<EventEditorState>(() => ({ status: id ? 'loading' : 'ready', event: null, form: emptyEventForm(Date.now()), dirty: false, fields: {}, error: null, offline: false, saving: false, uploading: false, confirmChange: false }))
  const latest = useRef(s)
  latest.current = s
  const busy = useRef(false)
  const requestId = useRef<string | null>(null)
  const patch = (p: Partial<EventEditorState>) => setS((prev) => ({ ...prev, ...p }))

  /** The saved event becomes what the editor shows. */
  const adopt = (event: AdminEventView) => patch({ event, form: formFromEvent(event.form, event.coverUrl), dirty: false })

  const load = useCallback(async () => {
    if (!id) return
    patch({ status: 'loading', error: null })
    try {
      const { event } = await callApi('getEventAdmin', { eventId: id })
      adopt(event)
      patch({ status: 'ready', offline: false })
    } catch (e) {
      const error = toApiError(e)
      patch({ status: 'error', error: error.message, offline: error.isOffline })
    }
  }, [id])

  useEffect(() => void load(), [load])

  const set = <K extends keyof EventForm>(key: K, value: EventForm[K]) =>
    setS((prev) => ({ ...prev, form: { ...prev.form, [key]: value }, dirty: true, fields: { ...prev.fields, [key]: undefined, ...(key === 'tierRule' ? { tierCode: undefined } : {}) }, error: null }))

  const pickCover = useCallback(async () => {
    if (latest.current.uploading) return
    const chosen = await choosePicture()
    if (!chosen.ok) {
      if (chosen.reason === 'too_large') patch({ fields: { ...latest.current.fields, coverKey: '图片过大，压缩后仍超过 200 KB，请换一张' } })
      if (chosen.reason === 'failed') patch({ fields: { ...latest.current.fields, coverKey: '图片处理失败，请换一张' } })
      return
    }
    patch({ uploading: true })
    try {
      const { imageKey, imageUrl } = await callApi('uploadMallImage', chosen.picture)
      setS((prev) => ({ ...prev, uploading: false, dirty: true, form: { ...prev.form, coverKey: imageKey, coverUrl: imageUrl }, fields: { ...prev.fields, coverKey: undefined } }))
    } catch (e) {
      const error = toApiError(e)
      setS((prev) => ({ ...prev, uploading: false, offline: error.isOffline, fields: { ...prev.fields, coverKey: error.message } }))
    }
  }, [])

  const removeCover = () => setS((prev) => ({ ...prev, dirty: true, form: { ...prev.form, coverKey: null, coverUrl: null } }))

  /** 保存; a published event whose time or place changed asks first (`confirmed` once the manager agreed). */
  const save = useCallback(async (confirmed = false) => {
    if (busy.current) return
    const { form, event } = latest.current
    const checked = validateEvent(form)
    if (!checked.ok) return patch({ fields: checked.fields, error: '请按提示修改后再保存' })
    if (!confirmed && event?.status === 'published' && toldOnChange(event) > 0 && changesTimeOrPlace(form, event.form)) return patch({ confirmChange: true })
    busy.current = true
    patch({ saving: true, fields: {}, error: null, offline: false, confirmChange: false })
    try {
      if (event) {
        const out = await callApi('updateEvent', { eventId: event.id, event: checked.event })
        adopt(out.event)
        const told = out.membersTold > 0 ? `，已通知 ${out.membersTold} 位会员` : ''
        toast(`已保存${told}${out.promoted > 0 ? `，${out.promoted} 位候补转为报名` : ''}`, 'success')
      } else {
        requestId.current ??= newRequestId()
        const out = await callApi('createEvent', { requestId: requestId.current, event: checked.event })
        requestId.current = null
        adopt(out.event)
        toast('已保存为草稿', 'success')
      }
      patch({ saving: false })
    } catch (e) {
      const error = toApiError(e)
      if (!error.isOffline) requestId.current = null
      const fields: Partial<Record<EventField, string>> = {}
      for (const [path, message] of Object.entries(error.fields ?? {})) fields[fieldOf(path)] ??= message
      if (error.code === 'EVENT_CAPACITY_BELOW_REGISTERED') fields.capacity ??= error.message
      patch({ saving: false, error: error.message, offline: error.isOffline, fields })
    } finally {
      busy.current = false
    }
  }, [])

  const closeChange = () => patch({ confirmChange: false })

  return { ...s, load, set, save, pickCover, removeCover, adopt, closeChange }
}

export type EventEditor = ReturnType<typeof useEventEditor>
