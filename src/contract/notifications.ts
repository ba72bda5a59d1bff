import { z } from 'zod'
import { NOTIFICATION_KINDS, SUBSCRIBE_RESULTS } from './enums'
import { noInput, text } from './fields'

/** Notifications: the member's 消息 list, and their consent to WeChat subscription messages. */

export const notificationKind = z.enum(NOTIFICATION_KINDS)

export const notificationView = z.object({
  id: z.string(),
  kind: notificationKind,
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
})
export type NotificationView = z.infer<typeof notificationView>

/** A kind the member can subscribe to on WeChat: the template id to pass to requestSubscribeMessage. */
export const subscribableTemplate = z.object({
  kind: notificationKind,
  templateId: z.string(),
  label: z.string(),
  /** Messages of this kind WeChat will still deliver (one per accepted consent). */
  remaining: z.number().int(),
})
export type SubscribableTemplate = z.infer<typeof subscribableTemplate>

/** WeChat takes at most 3 template ids per requestSubscribeMessage call. */
export const MAX_TEMPLATES_PER_REQUEST = 3

export const notificationsApi = {
  listMyNotifications: {
    input: z
      .object({
        cursor: z.string().regex(/^\d{1,19}$/).optional(),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ notifications: z.array(notificationView), nextCursor: z.string().nullable(), unreadCount: z.number().int() }),
  },
  /** Read state is idempotent: marking a read message again changes nothing. Without ids: everything. */
  markNotificationsRead: {
    input: z.object({ ids: z.array(z.string().regex(/^\d{1,19}$/)).min(1).max(50).optional() }).strict(),
    output: z.object({ unreadCount: z.number().int() }),
  },
  /** The unread count (for the 我的 badge) and the templates the client may ask consent for. */
  getNotificationSettings: {
    input: noInput,
    output: z.object({ unreadCount: z.number().int(), templates: z.array(subscribableTemplate) }),
  },
  /**
   * requestSubscribeMessage's answer, per kind: +1 consent per accept, 0 after reject or ban. `requestId` is made
   * once per tap, so a retried call counts once.
   */
  recordSubscriptionConsent: {
    input: z
      .object({
        requestId: text({ label: '请求编号', max: 64 }),
        results: z
          .array(z.object({ kind: notificationKind, result: z.enum(SUBSCRIBE_RESULTS) }).strict())
          .min(1)
          .max(MAX_TEMPLATES_PER_REQUEST),
      })
      .strict(),
    output: z.object({ templates: z.array(subscribableTemplate) }),
  },
} as const
