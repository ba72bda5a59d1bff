import { birthdayMonthOnCard } from '../birthday/birthday-page'
import { defineOperation } from '../operation'
import { toCardView } from './card-view'

export const getMyCard = defineOperation({
  name: 'getMyCard',
  access: 'member',
  run: async (ctx, member) => ({ card: toCardView(ctx, member, { birthdayMonth: await birthdayMonthOnCard(ctx, member) }) }),
})
