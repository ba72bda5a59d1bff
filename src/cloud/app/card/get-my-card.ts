import { countUsableNow } from '../../db/repositories/member-coupons'
import { birthdayMonthOnCard } from '../birthday/birthday-page'
import { defineOperation } from '../operation'
import { toCardView } from './card-view'
import { pointsOnCard } from './points-expiry-view'

export const getMyCard = defineOperation({
  name: 'getMyCard',
  access: 'member',
  // The hot path: one indexed count (member_coupons_member_ix) besides the member row dispatch has read, and this
  // year's birthday gift only during the birth month (no read otherwise), the lots' outlook (one indexed read of
  // the member's open lots) and the mall only in the 清零 countdown season.
  run: async (ctx, member) => ({
    card: toCardView(ctx, member, {
      usableCouponCount: await countUsableNow(ctx.tx, member.id, ctx.now),
      birthdayMonth: await birthdayMonthOnCard(ctx, member),
      ...(await pointsOnCard(ctx, member)),
    }),
  }),
})
