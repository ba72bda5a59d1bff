import { markStaffNoticesReadIn } from '../../db/repositories/staff-notices'
import { defineOperation } from '../operation'

/** Once the list has been shown: every unread notice of the store is marked read (managers share one list). */
export const markStaffNoticesRead = defineOperation({
  name: 'markStaffNoticesRead',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  run: async (ctx) => ({ marked: await markStaffNoticesReadIn(ctx.tx, ctx.store.id, ctx.now) }),
})
