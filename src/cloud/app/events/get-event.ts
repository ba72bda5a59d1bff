import { AppError, EVENT_CONSENT_KINDS } from '../../../contract'
import { isVisible } from '../../../domain/events/event-rules'
import { findStoreEvent, hasRegistrationFor, liveRegistrationsOf } from '../../db/repositories/event-listings'
import { readPointsOutlook } from '../../db/repositories/points-lots'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import type { UseCaseContext } from '../store-context'
import { rulesOf, toEventDetailView } from './event-views'

/**
 * One event for its page: visible now, or one the caller registered for (a cancelled or ended event still
 * explains itself from 我的活动). A draft, or a scheduled event before its time, is not found.
 */
export const getEvent = defineOperation({
  name: 'getEvent',
  access: 'member',
  run: async (ctx, member, input) => {
    const id = rowId(input.eventId)
    const event = id === null ? null : await findStoreEvent(ctx.tx, ctx.store.id, id)
    if (!event) throw new AppError('EVENT_NOT_FOUND')
    if (!isVisible(rulesOf(event), ctx.now) && !(await hasRegistrationFor(ctx.tx, member.id, event.id))) {
      throw new AppError('EVENT_NOT_FOUND')
    }
    const mine = await liveRegistrationsOf(ctx.tx, member.id, [event.id])
    const { usable } = await readPointsOutlook(ctx.tx, member.id, ctx.now)
    return {
      event: toEventDetailView(ctx, event, { tierCode: member.tierCode, usablePoints: usable, myRegistration: mine.get(event.id) ?? null }),
      pointsBalance: usable,
      subscribeTemplates: subscribeTemplatesOf(ctx),
    }
  },
})

/** The templates the sign-up tap asks consent for: the store's configured ones among 活动提醒, 候补转正, 活动变更. */
function subscribeTemplatesOf(ctx: UseCaseContext) {
  return EVENT_CONSENT_KINDS.flatMap((kind) => {
    const template = ctx.notificationTemplates.get(kind)
    return template ? [{ kind, templateId: template.templateId }] : []
  })
}
