import type { EVENT_CONSENT_KINDS } from '../../contract/enums'
import { callApi } from '../../services/api'
import { canSubscribe, requestSubscribe } from '../../services/subscribe'
import { newRequestId } from '../common/request-id'

export type EventConsentKind = (typeof EVENT_CONSENT_KINDS)[number]

export interface ConsentTemplate {
  kind: EventConsentKind
  templateId: string
}

/**
 * Shows WeChat's subscribe popup for the event templates (活动提醒, 候补转正, 活动变更) and records the answers,
 * silently. It MUST be the first call of a tap handler: WeChat refuses the popup after an await. It does not wait
 * for the answer and nothing depends on it: the sign-up goes ahead whatever the member chose, and consent is never
 * rewarded. Does nothing off WeChat or on a store without templates.
 */
export function askEventConsent(templates: readonly ConsentTemplate[]): void {
  if (templates.length === 0 || !canSubscribe()) return
  const asked = templates.slice(0, 3)
  let answered: ReturnType<typeof requestSubscribe>
  try {
    answered = requestSubscribe(asked.map((t) => t.templateId))
  } catch {
    // An old base library without the API throws here: the sign-up that follows must still go ahead.
    return
  }
  void answered
    .then(async (answer) => {
      if (!answer.ok) return
      const results = asked.flatMap((t) => (answer.results[t.templateId] ? [{ kind: t.kind, result: answer.results[t.templateId] }] : []))
      if (results.length > 0) await callApi('recordSubscriptionConsent', { requestId: newRequestId(), results })
    })
    .catch(() => undefined)
}
