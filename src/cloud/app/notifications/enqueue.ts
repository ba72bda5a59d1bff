import { formatTemplateData } from '../../../domain/notifications/template-data'
import type { NotificationDraft } from '../../../domain/notifications/points-credited'
import { insertNotificationIfNew, type NewNotification } from '../../db/repositories/notifications'
import type { UseCaseContext } from '../store-context'

/**
 * Queues a notification inside the caller's transaction: it exists only if the change that caused it commits,
 * and once per dedupe key. It is in the member's 消息 list at once; the WeChat copy waits for the delivery job.
 */
export async function enqueueNotification(ctx: UseCaseContext, memberId: number, draft: NotificationDraft): Promise<boolean> {
  const row = notificationRow(ctx, memberId, draft)
  return noteQueued(ctx, row, await insertNotificationIfNew(ctx.tx, row))
}

/**
 * The row to queue for a draft. Its template data is formatted and checked now, from the store's template as
 * cached with the store (no query): a value WeChat would refuse (its field limits) is recorded as skipped here,
 * with the reason, and never reaches the send. A caller that inserts the row itself (the purchase's one
 * statement) reports the outcome with noteQueued.
 */
export function notificationRow(ctx: UseCaseContext, memberId: number, draft: NotificationDraft): NewNotification {
  const template = ctx.notificationTemplates.get(draft.kind)
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
  return {
    storeId: ctx.store.id,
    memberId,
    kind: draft.kind,
    dedupeKey: draft.dedupeKey,
    title: draft.title,
    body: draft.body,
    payload: draft.payload,
    createdAt: ctx.now,
    ...wechat,
  }
}

/** `id`: the inserted row's, or null when its dedupe key was queued before. True when it was queued now. */
export function noteQueued(ctx: UseCaseContext, row: NewNotification, id: number | null): boolean {
  if (id === null) return false
  // Dispatch wakes the delivery after commit.
  if (row.deliveryStatus === 'pending') ctx.effects.notificationsQueued++
  return true
}
