import { listVisibleEvents, liveRegistrationsOf } from '../../db/repositories/event-listings'
import { readPointsOutlook } from '../../db/repositories/points-lots'
import { defineOperation } from '../operation'
import { toEventCardView } from './event-views'

/**
 * 活动: the visible events that have not ended, soonest first, each with the sign-up button's state for the caller
 * (window, tier, seats, their usable points) and their own registration: three queries whatever the count.
 */
export const listEvents = defineOperation({
  name: 'listEvents',
  access: 'member',
  run: async (ctx, member) => {
    const rows = await listVisibleEvents(ctx.tx, ctx.store.id, ctx.now)
    const mine = await liveRegistrationsOf(ctx.tx, member.id, rows.map((e) => e.id))
    const { usable } = await readPointsOutlook(ctx.tx, member.id, ctx.now)
    return {
      events: rows.map((e) => toEventCardView(ctx, e, { tierCode: member.tierCode, usablePoints: usable, myRegistration: mine.get(e.id) ?? null })),
      pointsBalance: usable,
    }
  },
})
