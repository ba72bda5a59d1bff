import { doorEntryView, doorEventView, type DoorEntryView, type DoorEventView } from '../../src/contract/event-door'
import { tiers } from './fixtures'

export const TICKET_CODE = 'E112345678901234567890'
export const MEMBER_CODE = '123456789012345678901234'

/** 周末手冲咖啡课, today 14:00–16:00, check-in open: 12 of 20 seats taken, 5 in, 3 waiting. Checked against the contract. */
export function aDoorEvent(over: Partial<DoorEventView> = {}): DoorEventView {
  return doorEventView.parse({
    id: '7',
    title: '周末手冲咖啡课',
    startsAt: '2026-11-23 14:00',
    endsAt: '2026-11-23 16:00',
    place: '一楼吧台',
    capacity: 20,
    registeredCount: 12,
    attendedCount: 5,
    waitlistCount: 3,
    seatsLeft: 8,
    rewardPoints: 50,
    checkInOpen: true,
    checkInOpensAt: '2026-11-23 12:00',
    ...over,
  })
}

/** 小林's registration for event 7, not yet checked in. */
export function aDoorEntry(over: Partial<DoorEntryView> = {}): DoorEntryView {
  return doorEntryView.parse({
    registrationId: '41',
    eventId: '7',
    eventTitle: '周末手冲咖啡课',
    memberNo: 'M00000042',
    nickname: '小林',
    phoneMasked: '138****5678',
    tier: tiers.silver,
    status: 'registered',
    source: 'signup',
    waitlistPosition: null,
    checkedIn: null,
    reason: null,
    ...over,
  })
}

/** The same registration once checked in at 14:02 (store time) by 小王. */
export const checkedInAt = { at: '2026-11-23T06:02:00.000Z', staffName: '小王' }
export const anAttended = (over: Partial<DoorEntryView> = {}) =>
  aDoorEntry({ status: 'attended', checkedIn: checkedInAt, reason: '已签到 14:02 · 小王', ...over })
