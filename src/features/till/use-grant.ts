import { useCallback, useRef, useState } from 'react'
import type { CouponTemplateView } from '../../contract/coupon-templates'
import type { TillCouponView } from '../../contract/till-coupons'
import { callApi, toApiError } from '../../services/api'
import { toast } from '../../services/device'
import { newRequestId } from '../common/request-id'

interface GrantState {
  open: boolean
  templates: CouponTemplateView[] | null
  error: string | null
  /** The template whose grant is on its way. */
  granting: string | null
}

/**
 * 发券 (managers, on a looked-up member): the active 店员发放 templates, one tap grants one. The requestId is made
 * for that tap and kept, for the same template, while the answer is unknown (offline), so a retry after a
 * timeout returns the first coupon instead of a second one.
 */
export function useGrant(ticket: string | null, onGranted: (c: TillCouponView) => void) {
  const [s, setS] = useState<GrantState>({ open: false, templates: null, error: null, granting: null })
  const pending = useRef<{ templateId: string; requestId: string } | null>(null)
  const busy = useRef(false)
  const patch = (p: Partial<GrantState>) => setS((prev) => ({ ...prev, ...p }))

  const open = useCallback(async () => {
    patch({ open: true, error: null })
    try {
      const { templates } = await callApi('listCouponTemplates', { status: 'active' })
      patch({ templates: templates.filter((t) => t.channel === 'grant') })
    } catch (e) {
      patch({ error: toApiError(e).message })
    }
  }, [])

  const grant = useCallback(
    async (templateId: string) => {
      if (busy.current || !ticket) return
      const requestId = pending.current?.templateId === templateId ? pending.current.requestId : newRequestId()
      pending.current = { templateId, requestId }
      busy.current = true
      patch({ granting: templateId, error: null })
      try {
        const { coupon } = await callApi('staffGrantCoupon', { ticket, templateId, requestId })
        pending.current = null
        onGranted(coupon)
        toast('已发券', 'success')
        patch({ granting: null, open: false })
      } catch (e) {
        const error = toApiError(e)
        if (!error.isOffline) pending.current = null
        patch({ granting: null, error: error.message })
      } finally {
        busy.current = false
      }
    },
    [ticket, onGranted],
  )

  const close = () => !busy.current && patch({ open: false, error: null })
  return { ...s, openGrant: open, grant, close }
}
