import { useCallback, useRef, useState } from 'react'
import type { CouponTemplateView } from '../../contract/coupon-templates'
import { callApi, toApiError } from '../../services/api'
import { toast } from '../../services/device'

export interface ListState {
  status: 'loading' | 'ready' | 'error'
  templates: CouponTemplateView[]
  error: string | null
  offline: boolean
  /** The template whose 停止 / 恢复 is on its way. */
  switching: string | null
}

/** The console's template list, and 停止发放 / 恢复发放 (coupons already held are untouched). */
export function useTemplateList() {
  const [s, setS] = useState<ListState>({ status: 'loading', templates: [], error: null, offline: false, switching: null })
  const busy = useRef(false)
  const patch = (p: Partial<ListState>) => setS((prev) => ({ ...prev, ...p }))

  const load = useCallback(async () => {
    setS((prev) => ({ ...prev, status: prev.templates.length ? prev.status : 'loading', error: null }))
    try {
      const { templates } = await callApi('listCouponTemplates', {})
      patch({ status: 'ready', templates, offline: false })
    } catch (e) {
      const error = toApiError(e)
      // With a list already on screen, keep it and say it may be stale.
      setS((prev) => ({ ...prev, status: prev.templates.length ? 'ready' : 'error', error: error.message, offline: error.isOffline }))
    }
  }, [])

  const setStatus = useCallback(async (t: CouponTemplateView) => {
    if (busy.current) return
    busy.current = true
    patch({ switching: t.id, error: null })
    try {
      const { template } = await callApi('setCouponTemplateStatus', { id: t.id, status: t.status === 'active' ? 'stopped' : 'active' })
      setS((prev) => ({ ...prev, switching: null, templates: prev.templates.map((x) => (x.id === template.id ? template : x)) }))
      toast(template.status === 'active' ? '已恢复发放' : '已停止发放，已领取的券不受影响')
    } catch (e) {
      const error = toApiError(e)
      patch({ switching: null, error: error.message, offline: error.isOffline })
    } finally {
      busy.current = false
    }
  }, [])

  return { ...s, load, setStatus }
}
