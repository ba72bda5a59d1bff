import { useCallback, useEffect, useRef, useState } from 'react'
import type { CouponTemplateView } from '../../contract/coupon-templates'
import { callApi, toApiError } from '../../services/api'
import { toast } from '../../services/device'
import { backOr, routes } from '../../services/nav'
import { newRequestId } from '../common/request-id'
import { emptyTemplateForm, fieldOf, formFromView, validateTemplate, type TemplateField, type TemplateForm } from './form'

export interface EditorState {
  status: 'loading' | 'ready' | 'error'
  form: TemplateForm
  /** The template being edited (its counts are shown, never sent). */
  original: CouponTemplateView | null
  fields: Partial<Record<TemplateField, string>>
  error: string | null
  offline: boolean
  saving: boolean
}

/**
 * The template editor: create (no id) or update (`id`). Validated with the contract's schema before sending.
 * A create carries a requestId made at the save tap and kept until the server answers for sure, so a save retried
 * after a timeout creates one template.
 */
export function useTemplateEditor(id: string | null) {
  const [s, setS] = useState<EditorState>({ status: id ? 'loading' : 'ready', form: emptyTemplateForm, original: null, fields: {}, error: null, offline: false, saving: false })
  const latest = useRef(s)
  latest.current = s
  const busy = useRef(false)
  const requestId = useRef<string | null>(null)
  const patch = (p: Partial<EditorState>) => setS((prev) => ({ ...prev, ...p }))

  const load = useCallback(async () => {
    if (!id) return
    patch({ status: 'loading', error: null })
    try {
      // There is no single-template read: the list is short (a store has tens of templates).
      const { templates } = await callApi('listCouponTemplates', {})
      const found = templates.find((t) => t.id === id)
      if (!found) return patch({ status: 'error', error: '未找到该优惠券活动', offline: false })
      patch({ status: 'ready', form: formFromView(found), original: found, offline: false })
    } catch (e) {
      const error = toApiError(e)
      patch({ status: 'error', error: error.message, offline: error.isOffline })
    }
  }, [id])

  useEffect(() => void load(), [load])

  const set = <K extends keyof TemplateForm>(key: K, value: TemplateForm[K]) =>
    setS((prev) => ({ ...prev, form: { ...prev.form, [key]: value }, fields: { ...prev.fields, [key]: undefined, ...(key.startsWith('valid') ? { validity: undefined } : {}) }, error: null }))

  const save = useCallback(async () => {
    if (busy.current) return
    const checked = validateTemplate(latest.current.form)
    if (!checked.ok) return patch({ fields: checked.fields, error: '请按提示修改后再保存' })
    busy.current = true
    patch({ saving: true, fields: {}, error: null, offline: false })
    try {
      if (id) {
        await callApi('updateCouponTemplate', { id, template: checked.template })
      } else {
        requestId.current ??= newRequestId()
        await callApi('createCouponTemplate', { requestId: requestId.current, template: checked.template })
      }
      requestId.current = null
      patch({ saving: false })
      toast('已保存', 'success')
      backOr(routes.couponTemplates)
    } catch (e) {
      const error = toApiError(e)
      if (!error.isOffline) requestId.current = null
      // The server names the fields it refused ('template.totalQuantity'): show each next to its input.
      const fields: Partial<Record<TemplateField, string>> = {}
      for (const [path, message] of Object.entries(error.fields ?? {})) fields[fieldOf(path)] ??= message
      if (error.code === 'COUPON_TOTAL_BELOW_CLAIMED') fields.total ??= error.message
      patch({ saving: false, error: error.message, offline: error.isOffline, fields })
    } finally {
      busy.current = false
    }
  }, [id])

  return { ...s, load, set, save }
}

export type TemplateEditor = ReturnType<typeof useTemplateEditor>
