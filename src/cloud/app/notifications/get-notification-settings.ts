import { countUnread } from '../../db/repositories/notifications'
import { defineOperation } from '../operation'
import { subscribableTemplates } from './subscribable-templates'

/** The 我的 page's badge (unread count) and the template ids the subscribe button passes to WeChat. */
export const getNotificationSettings = defineOperation({
  name: 'getNotificationSettings',
  access: 'member',
  run: async (ctx, member) => ({
    unreadCount: await countUnread(ctx.tx, member.id),
    templates: await subscribableTemplates(ctx, member.id),
  }),
})
