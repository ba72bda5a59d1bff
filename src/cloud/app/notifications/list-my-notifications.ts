import { countUnread, listMemberNotifications } from '../../db/repositories/notifications'
import { defineOperation } from '../operation'
import { toNotificationView } from './notification-view'

/** The caller's 消息, newest first, with the unread count. Keyset pagination: `cursor` is the last id shown. */
export const listMyNotifications = defineOperation({
  name: 'listMyNotifications',
  access: 'member',
  run: async (ctx, member, input) => {
    const beforeId = input.cursor === undefined ? null : Math.min(Number(input.cursor), Number.MAX_SAFE_INTEGER)
    const rows = await listMemberNotifications(ctx.tx, member.id, beforeId, input.limit + 1)
    const page = rows.slice(0, input.limit)
    const hasMore = rows.length > input.limit
    return {
      notifications: page.map(toNotificationView),
      nextCursor: hasMore ? String(page[page.length - 1].id) : null,
      unreadCount: await countUnread(ctx.tx, member.id),
    }
  },
})
