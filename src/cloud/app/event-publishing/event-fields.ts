import type { EventFormValues, ParsedEventInput } from '../../../contract/event-publishing'
import type { TierCode } from '../../../contract/enums'
import { instantAt } from '../../../domain/local-time'
import { inZone } from '../../../domain/zone-offset'
import type { EventFields } from '../../db/repositories/event-catalog'

/**
 * The editor's wall-clock times ("YYYY-MM-DD HH:mm", the store's zone) to instants and back: the server runs in
 * UTC, the manager thinks in store time, so the conversion is always by the store's zone, never the process's.
 */
export function instantOfLocal(local: string, zone: string): Date {
  const [date, time] = local.split(' ')
  const [y, m, d] = date.split('-').map(Number)
  const [h, min] = time.split(':').map(Number)
  return instantAt(zone, y, m, d, h, min)
}

export function localOfInstant(at: Date, zone: string): string {
  const w = inZone(at.getTime(), zone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`
}

export function toEventFields(input: ParsedEventInput, zone: string): EventFields {
  const at = (s: string | undefined) => (s === undefined ? null : instantOfLocal(s, zone))
  return {
    title: input.title,
    description: input.description ?? null,
    coverKey: input.coverKey ?? null,
    startsAt: instantOfLocal(input.startsAt, zone),
    endsAt: instantOfLocal(input.endsAt, zone),
    place: input.place,
    capacity: input.capacity,
    signupFrom: at(input.signupFrom),
    signupUntil: at(input.signupUntil),
    minTierCode: input.minTierCode,
    earlyTierCode: input.earlyTierCode,
    earlySignupFrom: at(input.earlySignupFrom),
    pointsCost: input.pointsCost,
    rewardPoints: input.rewardPoints,
    cancelCutoffHours: input.cancelCutoffHours,
  }
}

/** The stored fields as the editor shows them again (the same strings the manager entered). */
export function toFormValues(e: Required<EventFields>, zone: string): EventFormValues {
  const local = (d: Date | null) => (d ? localOfInstant(d, zone) : null)
  return {
    title: e.title,
    description: e.description,
    coverKey: e.coverKey,
    startsAt: localOfInstant(e.startsAt, zone),
    endsAt: localOfInstant(e.endsAt, zone),
    place: e.place,
    capacity: e.capacity,
    signupFrom: local(e.signupFrom),
    signupUntil: local(e.signupUntil),
    minTierCode: e.minTierCode as TierCode | null,
    earlyTierCode: e.earlyTierCode as TierCode | null,
    earlySignupFrom: local(e.earlySignupFrom),
    pointsCost: e.pointsCost,
    rewardPoints: e.rewardPoints,
    cancelCutoffHours: e.cancelCutoffHours,
  }
}

/** Which of time and place an edit changed (the members' 活动变更 notice says which), or null. */
export function changedWhat(before: EventFields, after: EventFields): string | null {
  const time = before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime()
  const place = before.place !== after.place
  if (time && place) return '时间和地点'
  return time ? '时间' : place ? '地点' : null
}
