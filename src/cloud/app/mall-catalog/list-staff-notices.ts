import type { StaffNoticeKind } from '../../../contract'
import { listStaffNoticesFor } from '../../db/repositories/staff-notices'
import { defineOperation } from '../operation'

/** The managers' notices (low stock …) at the top of 积分商城管理, newest first, with how many are unread. */
export const listStaffNotices = defineOperation({
  name: 'listStaffNotices',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  run: async (ctx) => {
    const { notices, unread } = await listStaffNoticesFor(ctx.tx, ctx.store.id)
    return {
      notices: notices.map((n) => ({
        id: String(n.id),
        kind: n.kind as StaffNoticeKind,
        title: n.title,
        body: n.body,
        createdAt: n.createdAt.toISOString(),
        read: n.readAt !== null,
      })),
      unread,
    }
  },
})
