import { listMemberRegistrations } from '../../db/repositories/event-listings'
import { defineOperation } from '../operation'
import { toRegistrationView } from './event-views'

/** 我的活动, one tab at a time, newest first (keyset on id). Lists never carry the ticket code. */
export const listMyRegistrations = defineOperation({
  name: 'listMyRegistrations',
  access: 'member',
  run: async (ctx, member, input) => {
    const rows = await listMemberRegistrations(ctx.tx, member.id, input.tab, ctx.now, input.cursor ? Number(input.cursor) : null, input.limit + 1)
    const page = rows.slice(0, input.limit)
    return {
      registrations: page.map((r) => toRegistrationView(ctx, r)),
      nextCursor: rows.length > input.limit ? String(page[page.length - 1].registration.id) : null,
    }
  },
})
