import { CHECK_IN_OPENS_BEFORE_MS } from '../../../domain/events/event-rules'
import { endOfLocalDay, localDateOf, startOfLocalDay } from '../../../domain/local-time'
import { listDoorEvents } from '../../db/repositories/event-door'
import { defineOperation } from '../operation'
import { toDoorEventView } from './door-views'

/** The door's events: visible, not cancelled, today in store time or with the door open now; soonest first. */
export const staffListDoorEvents = defineOperation({
  name: 'staffListDoorEvents',
  access: { staff: ['clerk', 'manager', 'admin'] },
  run: async (ctx) => {
    const today = localDateOf(ctx.now, ctx.store.timezone)
    const rows = await listDoorEvents(ctx.tx, ctx.store.id, {
      now: ctx.now,
      dayStart: startOfLocalDay(ctx.store.timezone, today),
      dayEnd: endOfLocalDay(ctx.store.timezone, today),
      opensBeforeMs: CHECK_IN_OPENS_BEFORE_MS,
    })
    return { events: rows.map((e) => toDoorEventView(ctx, e)) }
  },
})
