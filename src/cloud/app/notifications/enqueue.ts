import { formatTemplateData } from '../../../domain/notifications/template-data'
import type { NotificationDraft } from '../../../domain/notifications/points-credited'
import { findNotificationTemplate } from '../../db/repositories/notification-templates'
import { insertNotificationIfNew, type NewNotification } from '../../db/repositories/notifications'
import type { UseCaseContext } from '../store-context'

/**
 * Queues a notification inside the caller's transaction: it exists only if the change that caused it commits,
 * and once per dedupe key. It is in the member's 消息 list at once; the WeChat copy waits for the delivery job.
 * Its template data is formatted and checked now (WeChat's field limits), so a value WeChat would refuse is
 * recorded as skipped here, with the reason, and never reaches the send.
 */
export async function enqueueNotification(ctx: UseCaseContext, memberId: number, draft: NotificationDraft): Promise<boolean> {
  const template = await findNotificationTemplate(ctx.tx, ctx.store.id, draft.kind)
  let wechat: Pick<NewNotification, 'deliveryStatus' | 'templateId' | 'wechatData' | 'page' | 'lastError'> = {
    deliveryStatus: 'none',
    templateId: null,
    wechatData: null,
    page: null,
    lastError: null,
  }
  if (template) {
    const formatted = formatTemplateData(template.fields, draft.payload, ctx.store.timezone)
    wechat = formatted.ok
      ? { deliveryStatus: 'pending', templateId: template.templateId, wechatData: formatted.data, page: template.page, lastError: null }
      : { deliveryStatus: 'skipped', templateId: template.templateId, wechatData: null, page: template.page, lastError: `format: ${formatted.problems.join('; ')}` }
  }
  const id = await insertNotificationIfNew(ctx.tx, {
    storeId: ctx.store.id,
    memberId,
    kind: draft.kind,
    dedupeKey: draft.dedupeKey,
    title: draft.title,
    body: draft.body,
    payload: draft.payload,
    createdAt: ctx.now,
    ...wechat,
  })
  if (id === null) return false
  if (wechat.deliveryStatus === 'pending') ctx.effects.notificationsQueued++
  return true
}
