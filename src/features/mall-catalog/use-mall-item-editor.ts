import { useCallback, useEffect, useRef, useState } from 'react'
import type { CouponTemplateView } from '../../contract/coupon-templates'
import type { AdminMallItemView } from '../../contract/mall-items'
import { callApi, toApiError } from '../../services/api'
import { toast } from '../../services/device'
import { backOr, routes } from '../../services/nav'
import { newRequestId } from '../common/request-id'
import { emptyMallItemForm, fieldOf, formFromItem, validateMallItem, type MallItemField, type MallItemForm } from './form'
import { choosePicture } from './picture'

export interface MallEditorState {
  status: 'loading' | 'ready' | 'error'
  form: MallItemForm
  /** The item being edited (its counts are shown, never sent). */
  original: AdminMallItemView | null
  /** Active 'mall' coupon templates, for a coupon item. */
  templates: CouponTemplateView[]
  fields: Partial<Record<MallItemField, string>>
  error: string | null
  offline: boolean
  saving: boolean
  uploading: boolean
}

/**
 * The item editor: create (no id) or update (`id`), validated with the contract's schema before sending. A
 * create carries a requestId made at the save tap and kept until the server answers for sure, so a save retried
 * after a timeout creates one item. The picture is uploaded when chosen; the item keeps only its key.
 */
export function useMallItemEditor(id: string | null) {
  const [s, setS] = useState<MallEditorState>({
    status: 'loading',
    form: emptyMallItemForm,
    original: null,
    templates: [],
    fields: {},
    error: null,
    offline: false,
    saving: false,
    uploading: false,
  })
  const latest = useRef(s)
  latest.current = s
  const busy = useRef(false)
  const requestId = useRef<string | null>(null)
  const patch = (p: Partial<MallEditorState>) => setS((prev) => ({ ...prev, ...p }))

  const load = useCallback(async () => {
    patch({ status: 'loading', error: null })
    try {
      // There is no single-item read: a store's catalogue is short.
      const [{ templates }, list] = await Promise.all([callApi('listCouponTemplates', { status: 'active' }), id ? callApi('listMallItemsAdmin', {}) : Promise.resolve(null)])
      const mallTemplates = templates.filter((t) => t.channel === 'mall')
      if (!id) return patch({ status: 'ready', templates: mallTemplates, offline: false })
      const found = list?.items.find((i) => i.id === id)
      if (!found) return patch({ status: 'error', error: '未找到该商品', offline: false })
      patch({ status: 'ready', templates: mallTemplates, form: formFromItem(found), original: found, offline: false })
    } catch (e) {
      const error = toApiError(e)
      patch({ status: 'error', error: error.message, offline: error.isOffline })
    }
  }, [id])

  useEffect(() => void load(), [load])

  const set = <K extends keyof MallItemForm>(key: K, value: MallItemForm[K]) =>
    setS((prev) => ({ ...prev, form: { ...prev.form, [key]: value }, fields: { ...prev.fields, [key]: undefined }, error: null }))

  const pickPicture = useCallback(async () => {
    if (latest.current.uploading) return
    const chosen = await choosePicture()
    if (!chosen.ok) {
      if (chosen.reason === 'too_large') patch({ fields: { ...latest.current.fields, imageKey: '图片过大，压缩后仍超过 200 KB，请换一张' } })
      if (chosen.reason === 'failed') patch({ fields: { ...latest.current.fields, imageKey: '图片处理失败，请换一张' } })
      return
    }
    patch({ uploading: true })
    try {
      const { imageKey, imageUrl } = await callApi('uploadMallImage', chosen.picture)
      setS((prev) => ({ ...prev, uploading: false, form: { ...prev.form, imageKey, imageUrl }, fields: { ...prev.fields, imageKey: undefined } }))
    } catch (e) {
      const error = toApiError(e)
      setS((prev) => ({ ...prev, uploading: false, offline: error.isOffline, fields: { ...prev.fields, imageKey: error.message } }))
    }
  }, [])

  const removePicture = () => setS((prev) => ({ ...prev, form: { ...prev.form, imageKey: null, imageUrl: null } }))

  const save = useCallback(async () => {
    if (busy.current) return
    const checked = validateMallItem(latest.current.form)
    if (!checked.ok) return patch({ fields: checked.fields, error: '请按提示修改后再保存' })
    busy.current = true
    patch({ saving: true, fields: {}, error: null, offline: false })
    try {
      if (id) {
        await callApi('updateMallItem', { itemId: id, item: checked.item })
      } else {
        requestId.current ??= newRequestId()
        await callApi('createMallItem', { requestId: requestId.current, item: checked.item })
      }
      requestId.current = null
      patch({ saving: false })
      toast('已保存', 'success')
      backOr(routes.consoleMallItems)
    } catch (e) {
      const error = toApiError(e)
      if (!error.isOffline) requestId.current = null
      // The server names the fields it refused ('item.stockTotal'): show each next to its input.
      const fields: Partial<Record<MallItemField, string>> = {}
      for (const [path, message] of Object.entries(error.fields ?? {})) fields[fieldOf(path)] ??= message
      if (error.code === 'MALL_STOCK_BELOW_REDEEMED') fields.stockTotal ??= error.message
      patch({ saving: false, error: error.message, offline: error.isOffline, fields })
    } finally {
      busy.current = false
    }
  }, [id])

  return { ...s, load, set, save, pickPicture, removePicture }
}

export type MallItemEditor = ReturnType<typeof useMallItemEditor>
