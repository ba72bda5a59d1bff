import { countUnread, markRead } from '../../db/repositories/notifications'
import { defineOperation } from '../operation'

/** Marks the caller's own messages read (the given ones, or all): idempotent; another member's ids change nothing. */
export const markNotificationsRead = defineOperation({
  name: 'markNotificationsRead',
  access: 'member',
  run: async (ctx, member, input) => {
    const ids = input.ids ? input.ids.map((id) => Math.min(Number(id), Number.MAX_SAFE_INTEGER)) : null
    await markRead(ctx.tx, member.id, ids, ctx.now)
    return { unreadCount: await countUnread(ctx.tx, member.id) }
  },
})
