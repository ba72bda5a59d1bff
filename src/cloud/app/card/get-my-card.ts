import { countUsableNow } from '../../db/repositories/member-coupons'
import { defineOperation } from '../operation'
import { toCardView } from './card-view'

export const getMyCard = defineOperation({
  name: 'getMyCard',
  access: 'member',
  // The hot path: one indexed count (member_coupons_member_ix) besides the member row dispatch has read.
  run: async (ctx, member) => ({ card: toCardView(ctx, member, await countUsableNow(ctx.tx, member.id, ctx.now)) }),
})
