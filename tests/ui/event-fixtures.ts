import type { EventCardView, EventDetailView, EventFeedbackView, RegistrationView } from '../../src/contract/events'
import { tiers } from './fixtures'

/**
 * Page-test data for member events, shaped as the contract says (checked by routeCheckedApi). Times are in 2099 so
 * nothing has started; 2099-12-05T06:00Z is 12月5日 周六 14:00 in the store (UTC+8), shown as "2099年12月5日 周六"
 * (not this year's).
 */

export const STARTS = '2099-12-05T06:00:00.000Z'
export const ENDS = '2099-12-05T08:00:00.000Z'
export const TICKET = 'E112345678901234567890'

export function anEvent(over: Partial<EventDetailView> = {}): EventDetailView {
  return {
    id: '31',
    title: '手冲咖啡品鉴会',
    coverUrl: null,
    startsAt: STARTS,
    endsAt: ENDS,
    place: '晨光咖啡 二楼',
    capacity: 20,
    seatsLeft: 12,
    waitlistCount: 0,
    minTier: null,
    earlyTier: null,
    earlySignupFrom: null,
    signupFrom: '2099-11-20T02:00:00.000Z',
    signupUntil: STARTS,
    pointsCost: 0,
    rewardPoints: 50,
    signupState: 'open',
    reason: null,
    shortBy: 0,
    myRegistration: null,
    description: '带你品尝三款单品豆',
    cancelUntil: '2099-12-05T03:00:00.000Z',
    changedAt: null,
    ...over,
  }
}

/** A card as listEvents sends it (no description, cut-off or change). */
export function anEventCard(over: Partial<EventCardView> = {}): EventCardView {
  const { description: _d, cancelUntil: _c, changedAt: _ch, ...card } = anEvent(over)
  return card
}

export const goldOnly = { minTier: tiers.gold }

export function aRegistration(over: Partial<RegistrationView> = {}): RegistrationView {
  return {
    id: '701',
    eventId: '31',
    eventTitle: '手冲咖啡品鉴会',
    coverUrl: null,
    startsAt: STARTS,
    endsAt: ENDS,
    place: '晨光咖啡 二楼',
    status: 'registered',
    waitlistPosition: null,
    pointsPaid: 0,
    pointsRefunded: null,
    createdAt: '2099-11-21T02:00:00.000Z',
    registeredAt: '2099-11-21T02:00:00.000Z',
    checkedInAt: null,
    cancelledAt: null,
    cancelReason: null,
    cancellable: true,
    cancelUntil: '2099-12-05T03:00:00.000Z',
    eventChangedAt: null,
    eventCancelled: false,
    feedback: null,
    canGiveFeedback: false,
    ...over,
  }
}

export function aFeedback(over: Partial<EventFeedbackView> = {}): EventFeedbackView {
  return { rating: 4, comment: '豆子很香', createdAt: '2099-12-05T09:00:00.000Z', editableUntil: '2099-12-12T09:00:00.000Z', ...over }
}

export const TEMPLATES = [
  { kind: 'event_reminder' as const, templateId: 'TPL-REMIND' },
  { kind: 'event_waitlist' as const, templateId: 'TPL-WAIT' },
  { kind: 'event_changed' as const, templateId: 'TPL-CHANGE' },
]
