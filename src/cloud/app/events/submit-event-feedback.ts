import { AppError } from '../../../contract'
import { FEEDBACK_EDIT_MS } from '../../../domain/events/event-rules'
import { upsertFeedback } from '../../db/repositories/event-feedback'
import { lockMemberRegistration } from '../../db/repositories/event-listings'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { toFeedbackView } from './event-views'

/**
 * An attendee's stars and comment: only once checked in (a voided check-in is no longer attended), one per
 * registration, changeable for 7 days after it was first given. The registration is locked so a void at the
 * door and the feedback take turns; the 7 days are decided by the upsert itself.
 */
export const submitEventFeedback = defineOperation({
  name: 'submitEventFeedback',
  access: 'member',
  run: async (ctx, member, input) => {
    const id = rowId(input.registrationId)
    const reg = id === null ? null : await lockMemberRegistration(ctx.tx, ctx.store.id, member.id, id)
    if (!reg) throw new AppError('REGISTRATION_NOT_FOUND')
    if (reg.status !== 'attended') throw new AppError('FEEDBACK_NOT_ALLOWED')
    const comment = input.comment ? input.comment : null
    const saved = await upsertFeedback(
      ctx.tx,
      { registrationId: reg.id, eventId: reg.eventId, memberId: member.id, rating: input.rating, comment, at: ctx.now },
      new Date(ctx.now.getTime() - FEEDBACK_EDIT_MS),
    )
    if (!saved) throw new AppError('FEEDBACK_LOCKED')
    return { feedback: toFeedbackView(saved) }
  },
})
