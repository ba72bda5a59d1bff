import { useCallback, useState } from 'react'
import type { SubscribableTemplate } from '../../contract/notifications'
import { callApi } from '../../services/api'
import { toast } from '../../services/device'
import { canSubscribe, requestSubscribe } from '../../services/subscribe'
import { newRequestId } from './view-model'

/**
 * The 订阅到账通知 button: the store's templates come from getNotificationSettings; a tap shows WeChat's popup
 * (first, synchronously: WeChat refuses it after an await) and then records the answer. Never rewarded.
 */
export function useSubscribe() {
  const [templates, setTemplates] = useState<SubscribableTemplate[]>([])
  const [saving, setSaving] = useState(false)

  const load = useCallback(async () => {
    try {
      setTemplates((await callApi('getNotificationSettings', {})).templates)
    } catch {
      setTemplates([])
    }
  }, [])

  /** A tap handler: no await before requestSubscribe. */
  const subscribe = useCallback(() => {
    if (!canSubscribe()) {
      toast('仅在微信中可订阅')
      return
    }
    if (templates.length === 0) return
    const asked = templates.slice(0, 3)
    const answer = requestSubscribe(asked.map((t) => t.templateId))
    setSaving(true)
    void answer
      .then(async (a) => {
        if (!a.ok) return toast(a.message)
        const results = asked.flatMap((t) => (a.results[t.templateId] ? [{ kind: t.kind, result: a.results[t.templateId] }] : []))
        if (results.length === 0) return
        const out = await callApi('recordSubscriptionConsent', { requestId: newRequestId(), results })
        setTemplates(out.templates)
        toast(results.some((r) => r.result === 'accept') ? '订阅成功，下次积分到账会通知您' : '已取消订阅', 'none')
      })
      .catch(() => toast('订阅记录失败，请稍后再试'))
      .finally(() => setSaving(false))
  }, [templates])

  return { templates, saving, load, subscribe, available: canSubscribe() }
}
