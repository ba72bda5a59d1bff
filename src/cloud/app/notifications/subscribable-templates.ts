import type { SubscribableTemplate } from '../../../contract/notifications'
import type { NotificationKind } from '../../../contract/enums'
import { listNotificationTemplates } from '../../db/repositories/notification-templates'
import { consentCountsOf } from '../../db/repositories/subscription-consents'
import type { UseCaseContext } from '../store-context'
import { NOTIFICATION_KIND_LABELS } from './notification-kinds'

/** The store's configured templates with this member's unused consents: what the subscribe button asks for. */
export async function subscribableTemplates(ctx: UseCaseContext, memberId: number): Promise<SubscribableTemplate[]> {
  const templates = await listNotificationTemplates(ctx.tx, ctx.store.id)
  const counts = await consentCountsOf(ctx.tx, memberId, templates.map((t) => t.templateId))
  return templates.map((t) => ({
    kind: t.kind as NotificationKind,
    templateId: t.templateId,
    label: NOTIFICATION_KIND_LABELS[t.kind as NotificationKind],
    remaining: counts.get(t.templateId) ?? 0,
  }))
}
