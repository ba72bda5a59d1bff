import { AppError } from '../../../contract'
import { noticePreview } from '../../../domain/events/notice-preview'
import { findAdminEvent } from '../../db/repositories/event-catalog'
import { countPublishAudience } from '../../db/repositories/event-notices'
import { rowId } from '../coupons/ids'
import { NOTIFICATION_KIND_LABELS } from '../notifications/notification-kinds'
import { defineOperation } from '../operation'
import { audienceTiers, publishedDraft, wechatSendTime } from './event-notices'

/**
 * "将通知 N 位会员（其中 M 位可收到微信消息）" and the message as it will show: in-app, and on WeChat field by field
 * with truncations marked, and when WeChat sends will go if the quiet hours hold them back. Writes nothing.
 */
export const previewEventNotice = defineOperation({
  name: 'previewEventNotice',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  run: async (ctx, _staff, input) => {
    const id = rowId(input.eventId)
    const found = id === null ? null : await findAdminEvent(ctx.tx, ctx.store.id, id)
    if (!found) throw new AppError('EVENT_NOT_FOUND')
    const e = found.event
    const template = ctx.notificationTemplates.get('event_published') ?? null
    const counts = await countPublishAudience(ctx.tx, ctx.store.id, audienceTiers(ctx, e.minTierCode), template?.templateId ?? null)
    const draft = publishedDraft(e)
    const sendsAt = wechatSendTime(ctx)
    return {
      audience: counts.audience,
      wechatReachable: counts.reachable,
      inApp: { title: draft.title, body: draft.body },
      wechat: template ? { templateTitle: NOTIFICATION_KIND_LABELS.event_published, ...noticePreview(template.fields, draft.payload, ctx.store.timezone) } : null,
      wechatSendsAt: template && sendsAt.getTime() !== ctx.now.getTime() ? sendsAt.toISOString() : null,
    }
  },
})
