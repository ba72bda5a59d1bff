import { useCallback, useEffect, useRef } from 'react'
import type { NotificationKind } from '../../contract/enums'
import type { SubscribableTemplate } from '../../contract/notifications'
import { callApi } from '../../services/api'
import { canSubscribe, requestSubscribe } from '../../services/subscribe'
import { newRequestId } from './view-model'

/**
 * Asks for one kind of WeChat subscription message from a tap that does something else (claiming a coupon →
 * 到期提醒; saving the birthday → 生日礼到账). The store's template for the kind is read when the page opens; `ask()`
 * must run first in the tap handler (WeChat refuses the popup after an await), and only asks when no consent is
 * left for that kind, so a member is not asked on every tap. Failures are silent: the in-app message still comes.
 */
export function useConsentPrompt(kind: NotificationKind) {
  const template = useRef<SubscribableTemplate | null>(null)

  useEffect(() => {
    if (!canSubscribe()) return
    let alive = true
    callApi('getNotificationSettings', {})
      .then((out) => {
        if (alive) template.current = out.templates.find((t) => t.kind === kind) ?? null
      })
      .catch(() => undefined)
    return () => {
      alive = false
    }
  }, [kind])

  /** A tap handler's first statement. Never throws, never waits. */
  return useCallback(() => {
    const t = template.current
    if (!canSubscribe() || !t || t.remaining > 0) return
    void requestSubscribe([t.templateId])
      .then(async (a) => {
        const result = a.ok ? a.results[t.templateId] : undefined
        if (!result) return
        const out = await callApi('recordSubscriptionConsent', { requestId: newRequestId(), results: [{ kind, result }] })
        template.current = out.templates.find((x) => x.kind === kind) ?? template.current
      })
      .catch(() => undefined)
  }, [kind])
}
