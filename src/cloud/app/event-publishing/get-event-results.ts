import { AppError } from '../../../contract'
import { maskPhone } from '../../../domain/phone-mask'
import { findAdminEvent } from '../../db/repositories/event-catalog'
import { attendeeSpend, countRegistrations, listFeedbackComments, ratingSummary } from '../../db/repositories/event-results'
import { rowId } from '../coupons/ids'
import { withImages } from '../mall-catalog/images'
import { defineOperation } from '../operation'
import { decryptPhone } from '../personal-data'
import { toAdminEventView } from './event-view'

/** Attendees' spend is counted from the event's end for this long. */
export const SPEND_WINDOW_MS = 30 * 24 * 60 * 60 * 1000

/**
 * 活动结果: the counts by status (walk-ins among the attendees), the ratings and comments (members masked: the
 * phone is decrypted only to be masked here), and what attendees spent in store within 30 days after the end.
 */
export const getEventResults = defineOperation({
  name: 'getEventResults',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  prepare: (input, deps) => withImages(input, deps),
  run: async (ctx, _staff, { input, images }) => {
    const id = rowId(input.eventId)
    const found = id === null ? null : await findAdminEvent(ctx.tx, ctx.store.id, id)
    if (!found) throw new AppError('EVENT_NOT_FOUND')
    const e = found.event
    const counts = await countRegistrations(ctx.tx, e.id)
    const rating = await ratingSummary(ctx.tx, e.id)
    const comments = await listFeedbackComments(ctx.tx, e.id)
    const until = new Date(e.endsAt.getTime() + SPEND_WINDOW_MS)
    const spend = await attendeeSpend(ctx.tx, { storeId: ctx.store.id, eventId: e.id, from: e.endsAt, until })
    const n = (status: string) => counts.byStatus[status] ?? 0
    return {
      event: toAdminEventView(found, ctx, images),
      results: {
        // The funnel's top: everyone who held a seat (still registered, attended or did not come).
        registered: n('registered') + n('attended') + n('no_show'),
        waitlisted: n('waitlisted'),
        attended: n('attended'),
        noShows: n('no_show'),
        cancelled: n('cancelled'),
        walkIns: counts.walkIns,
        ratingCount: rating.count,
        averageRating: rating.average === null ? null : Math.round(rating.average * 10) / 10,
        spendAfterFen: spend.fen,
        spendAfterMembers: spend.members,
        spendWindowClosed: ctx.now.getTime() >= until.getTime(),
        comments: comments.map((c) => ({
          rating: c.rating,
          comment: c.comment,
          memberMasked: `${c.nickname} ${maskPhone(decryptPhone(ctx.config, c.phoneEnc))}`,
          at: c.createdAt.toISOString(),
        })),
      },
    }
  },
})
