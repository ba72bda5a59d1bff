import type { EventCardView, EventDetailView, EventFeedbackView, EventStatus, RegistrationCancelReason, RegistrationStatus, RegistrationView } from '../../../contract'
import { canCancel, cancelUntil, FEEDBACK_EDIT_MS, generalSignupFrom, signupClosesAt, signupVerdict } from '../../../domain/events/event-rules'
import type { FeedbackRow, ListedEventRow, LiveRegistrationBrief, RegistrationWithEvent } from '../../db/repositories/event-listings'
import { minTierView } from '../coupons/coupon-view'
import { defaultImageUrl } from '../storage/image-storage'
import type { UseCaseContext } from '../store-context'

/** The member's views of events and registrations, decided at ctx.now from the stored rules. */

const iso = (d: Date | null): string | null => d?.toISOString() ?? null

/** The rules' view of an event row (the statuses are the schema's CHECKed list). */
export function rulesOf(e: ListedEventRow) {
  return { ...e, status: e.status as EventStatus }
}

/** The cover as a URL the page can show, through the storage port's rule (as a mall item's picture). */
export function eventCoverUrl(coverKey: string | null): string | null {
  return coverKey === null ? null : defaultImageUrl(coverKey)
}

/** Until when a registered member may cancel this event (its own cut-off, or the store's). */
export function cancelUntilOf(ctx: UseCaseContext, e: ListedEventRow): Date {
  return cancelUntil(e, ctx.store.eventCancelCutoffHours)
}

/** Points still missing to pay the event's cost from the usable balance (0 when free or affordable). */
export function shortByOf(e: Pick<ListedEventRow, 'pointsCost'>, usablePoints: number): number {
  return Math.max(0, e.pointsCost - Math.max(0, usablePoints))
}

export interface CardViewer {
  tierCode: string
  usablePoints: number
  myRegistration: LiveRegistrationBrief | null
}

export function toEventCardView(ctx: UseCaseContext, e: ListedEventRow, viewer: CardViewer): EventCardView {
  const rules = rulesOf(e)
  const verdict = signupVerdict(rules, { tiers: ctx.tiers, tierCode: viewer.tierCode, now: ctx.now, zone: ctx.store.timezone })
  const shortBy = shortByOf(e, viewer.usablePoints)
  // A seat would be charged now: say what is missing. A waitlister pays only at promotion.
  const reason = verdict.state === 'open' && shortBy > 0 ? `积分不足（差 ${shortBy} 分）` : verdict.reason
  const mine = viewer.myRegistration
  return {
    id: String(e.id),
    title: e.title,
    coverUrl: eventCoverUrl(e.coverKey),
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    place: e.place,
    capacity: e.capacity,
    seatsLeft: Math.max(0, e.capacity - e.seatsTaken),
    waitlistCount: e.waitlistCount,
    minTier: minTierView(ctx, e.minTierCode),
    earlyTier: minTierView(ctx, e.earlyTierCode),
    earlySignupFrom: iso(e.earlySignupFrom),
    signupFrom: (generalSignupFrom(rules) ?? e.createdAt).toISOString(),
    signupUntil: signupClosesAt(e).toISOString(),
    pointsCost: e.pointsCost,
    rewardPoints: e.rewardPoints,
    signupState: verdict.state,
    reason,
    shortBy,
    myRegistration: mine ? { id: String(mine.id), status: mine.status as RegistrationStatus, waitlistPosition: mine.waitlistPosition } : null,
  }
}

export function toEventDetailView(ctx: UseCaseContext, e: ListedEventRow, viewer: CardViewer): EventDetailView {
  return {
    ...toEventCardView(ctx, e, viewer),
    description: e.description,
    cancelUntil: cancelUntilOf(ctx, e).toISOString(),
    changedAt: iso(e.changedAt),
  }
}

/** Feedback can be changed until this instant (inclusive): 7 days after it was first given. */
export function feedbackEditableUntil(f: Pick<FeedbackRow, 'createdAt'>): Date {
  return new Date(f.createdAt.getTime() + FEEDBACK_EDIT_MS)
}

export function toFeedbackView(f: FeedbackRow): EventFeedbackView {
  return { rating: f.rating, comment: f.comment, createdAt: f.createdAt.toISOString(), editableUntil: feedbackEditableUntil(f).toISOString() }
}

/** Attended, and no feedback yet or still inside its 7 days. */
export function canGiveFeedback(status: string, feedback: FeedbackRow | null, now: Date): boolean {
  return status === 'attended' && (feedback === null || now.getTime() <= feedbackEditableUntil(feedback).getTime())
}

/**
 * A registration as 我的活动 shows it. The ticket code only when asked (getMyRegistration) and only while it holds
 * a seat (registered or attended): lists never carry it.
 */
export function toRegistrationView(ctx: UseCaseContext, r: RegistrationWithEvent, options: { withTicket?: boolean } = {}): RegistrationView {
  const { registration: reg, event: e, feedback } = r
  const eventCancelled = e.status === 'cancelled'
  const holdsSeat = reg.status === 'registered' || reg.status === 'attended'
  return {
    id: String(reg.id),
    eventId: String(e.id),
    eventTitle: e.title,
    coverUrl: eventCoverUrl(e.coverKey),
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    place: e.place,
    status: reg.status as RegistrationStatus,
    waitlistPosition: reg.status === 'waitlisted' ? r.waitlistPosition : null,
    pointsPaid: reg.pointsPaid,
    pointsRefunded: reg.pointsRefunded,
    createdAt: reg.createdAt.toISOString(),
    registeredAt: iso(reg.registeredAt),
    checkedInAt: iso(reg.checkedInAt),
    cancelledAt: iso(reg.cancelledAt),
    cancelReason: reg.cancelReason as RegistrationCancelReason | null,
    ...(options.withTicket && holdsSeat ? { ticketCode: reg.ticketCode } : {}),
    cancellable: !eventCancelled && canCancel(reg.status, e, ctx.store.eventCancelCutoffHours, ctx.now).ok,
    cancelUntil: cancelUntilOf(ctx, e).toISOString(),
    eventChangedAt: iso(e.changedAt),
    eventCancelled,
    feedback: feedback ? toFeedbackView(feedback) : null,
    canGiveFeedback: canGiveFeedback(reg.status, feedback, ctx.now),
  }
}
