import type { DoorEntryView, DoorEventView, RegistrationSource, RegistrationStatus } from '../../../contract'
import { checkInOpensAt, doorState } from '../../../domain/events/event-rules'
import { maskPhone } from '../../../domain/phone-mask'
import type { DoorEntryRow, DoorEventRow } from '../../db/repositories/event-door'
import { decryptPhone } from '../personal-data'
import type { UseCaseContext } from '../store-context'
import { tierByCode, toTierView } from '../tier-view'
import { doorRefusal, entryRefusal } from './door-rules'

/** The event with its counts for the door: seats taken (of them checked in), waiting, left. */
export function toDoorEventView(ctx: UseCaseContext, e: DoorEventRow): DoorEventView {
  return {
    id: String(e.id),
    title: e.title,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    place: e.place,
    capacity: e.capacity,
    registeredCount: e.seatsTaken,
    attendedCount: Number(e.attendedCount),
    waitlistCount: e.waitlistCount,
    seatsLeft: Math.max(0, e.capacity - e.seatsTaken),
    rewardPoints: e.rewardPoints,
    checkInOpen: e.status !== 'cancelled' && doorState(e, ctx.now) === 'open',
    checkInOpensAt: checkInOpensAt(e).toISOString(),
  }
}

/**
 * One registration as the door shows it: the member masked as the till shows them, when and by whom it was
 * checked in, and why it cannot be checked in now (null: it can). `waitlistPosition`: 1-based, for a waitlister.
 */
export function toDoorEntryView(ctx: UseCaseContext, r: DoorEntryRow, waitlistPosition: number | null): DoorEntryView {
  const refusal = entryRefusal(ctx, r) ?? doorRefusal(ctx, { status: r.eventStatus, startsAt: r.eventStartsAt, endsAt: r.eventEndsAt })
  return {
    registrationId: String(r.id),
    eventId: String(r.eventId),
    eventTitle: r.eventTitle,
    memberNo: r.memberNo,
    nickname: r.nickname,
    phoneMasked: maskPhone(decryptPhone(ctx.config, r.phoneEnc)),
    tier: toTierView(tierByCode(ctx.tiers, r.tierCode)),
    status: r.status as RegistrationStatus,
    source: r.source as RegistrationSource,
    waitlistPosition: r.status === 'waitlisted' ? waitlistPosition : null,
    checkedIn: r.checkedInAt ? { at: r.checkedInAt.toISOString(), staffName: r.checkedInByName ?? '' } : null,
    reason: refusal?.message ?? null,
  }
}

/** Waitlist places for a whole list at once: the order of their positions among those still waiting. */
export function waitlistPlaces(rows: readonly DoorEntryRow[]): Map<number, number> {
  const waiting = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.waitlistSeq ?? 0) - (b.waitlistSeq ?? 0))
  return new Map(waiting.map((r, i) => [r.id, i + 1]))
}
