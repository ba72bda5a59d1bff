import { listNotificationTemplates } from '../../db/repositories/notification-templates'
import { changeConsent, claimConsentRequest } from '../../db/repositories/subscription-consents'
import { defineOperation } from '../operation'
import { subscribableTemplates } from './subscribable-templates'

/**
 * Records what the member answered in WeChat's subscribe popup: each accept is one message we may send (+1),
 * a reject or ban means none (0), 'filter' (WeChat dropped a duplicate title) changes nothing. Kinds map to
 * template ids from store configuration, never from the client. Never rewarded (WeChat's rules forbid it).
 */
export const recordSubscriptionConsent = defineOperation({
  name: 'recordSubscriptionConsent',
  access: 'member',
  run: async (ctx, member, input) => {
    if (await claimConsentRequest(ctx.tx, member.id, input.requestId, ctx.now)) {
      const templates = new Map((await listNotificationTemplates(ctx.tx, ctx.store.id)).map((t) => [t.kind, t.templateId]))
      for (const { kind, result } of input.results) {
        const templateId = templates.get(kind)
        if (!templateId || result === 'filter') continue
        const base = { storeId: ctx.store.id, memberId: member.id, templateId, now: ctx.now }
        await changeConsent(ctx.tx, result === 'accept' ? { ...base, add: 1 } : { ...base, reset: true })
      }
    }
    return { templates: await subscribableTemplates(ctx, member.id) }
  },
})
