import { AppError } from '../../../contract'
import { isVisible, signupVerdict } from '../../../domain/events/event-rules'
import { findLiveRegistration, findRegistrationByRequestKey } from '../../db/repositories/event-registrations'
import { findEvent, type EventRow } from '../../db/repositories/events'
import { lockMemberForIssue } from '../../db/repositories/member-coupons'
import type { MemberRow } from '../../db/repositories/members'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import type { UseCaseContext } from '../store-context'
import { registrationViewOf } from './registration-view-of'
import { signUp } from './registration-moves'
import { rulesOf } from './event-views'

/**
 * Signs the caller up in ONE transaction; every limit is enforced by a write and any refusal rolls all of it back:
 *  1. the member's row is locked first (their sign-ups take turns; the lock order of every events move), then the
 *     request key: a retry returns the first registration (`repeated`);
 *  2. the event's stored rules at ctx.now: visible (a cancelled one says so), not over, the tier, the window
 *     (tier-early);
 *  3. one live registration per member and event (EVENT_ALREADY_REGISTERED);
 *  4. signUp: a seat by the event row's guarded update and the points cost by an 'event' debit, or the waitlist
 *     (never charged); 积分不足（差 X 分） rolls the seat back with everything else.
 */
export const signUpForEvent = defineOperation({
  name: 'signUpForEvent',
  access: 'member',
  run: async (ctx, caller, input) => {
    const member = await lockMemberForIssue(ctx.tx, caller.id)
    if (!member || member.status !== 'active') throw new AppError('MEMBER_CLOSED')
    const requestKey = `${member.id}:${input.requestId}`
    const earlier = await findRegistrationByRequestKey(ctx.tx, ctx.store.id, requestKey)
    if (earlier) return { registration: await registrationViewOf(ctx, member.id, earlier.id), pointsBalance: member.pointsBalance, repeated: true }

    const id = rowId(input.eventId)
    const event = id === null ? null : await findEvent(ctx.tx, ctx.store.id, id)
    if (!event) throw new AppError('EVENT_NOT_FOUND')
    // A cancelled event was out (members saw it): it says so; a draft or one not yet out is unknown.
    if (event.status === 'cancelled' && event.publishedAt !== null) throw new AppError('EVENT_CANCELLED')
    if (!isVisible(rulesOf(event), ctx.now)) throw new AppError('EVENT_NOT_FOUND')
    assertSignupOpen(ctx, event, member)
    // The member's lock makes this exact for their own requests; the unique index backs it up.
    if (await findLiveRegistration(ctx.tx, event.id, member.id)) throw new AppError('EVENT_ALREADY_REGISTERED')

    const { registration, pointsBalance } = await signUp(ctx, member, event, requestKey)
    return { registration: await registrationViewOf(ctx, member.id, registration.id), pointsBalance, repeated: false }
  },
})

/** The button's verdict at ctx.now as a refusal: the same rule the page shows, so the two never disagree. */
function assertSignupOpen(ctx: UseCaseContext, event: EventRow, member: MemberRow): void {
  const { state, reason } = signupVerdict(rulesOf(event), { tiers: ctx.tiers, tierCode: member.tierCode, now: ctx.now, zone: ctx.store.timezone })
  switch (state) {
    case 'open':
    case 'waitlist':
      return
    case 'cancelled':
      throw new AppError('EVENT_CANCELLED')
    case 'ended':
      // Under way: sign-up has closed; over: the event has ended.
      throw ctx.now.getTime() > event.endsAt.getTime() ? new AppError('EVENT_ENDED') : new AppError('EVENT_SIGNUP_CLOSED', reason ?? undefined)
    case 'tier_locked':
      throw new AppError('EVENT_TIER_LOCKED', reason ?? undefined)
    case 'not_started':
      throw new AppError('EVENT_SIGNUP_NOT_STARTED', reason ?? undefined)
    case 'closed':
      throw new AppError('EVENT_SIGNUP_CLOSED')
  }
}
