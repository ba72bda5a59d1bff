import { listMemberRedemptions } from '../../db/repositories/mall-redemptions'
import { defineOperation } from '../operation'
import { toRedemptionView } from './mall-views'

/** 我的兑换, one tab at a time, newest first (keyset on id). Lists never carry the pick-up code. */
export const listMyRedemptions = defineOperation({
  name: 'listMyRedemptions',
  access: 'member',
  run: async (ctx, member, input) => {
    const rows = await listMemberRedemptions(ctx.tx, member.id, input.tab, input.cursor ? Number(input.cursor) : null, input.limit + 1)
    const page = rows.slice(0, input.limit)
    return {
      redemptions: page.map((r) => toRedemptionView(r)),
      nextCursor: rows.length > input.limit ? String(page[page.length - 1].id) : null,
    }
  },
})
