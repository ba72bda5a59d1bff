import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { TierCode } from '../../contract/enums'
import { eventInput, type EventFormValues, type ParsedEventInput } from '../../contract/event-publishing'
import { zodIssuesToFields } from '../../contract/zod-fields'
import { STORE_UTC_OFFSET_MIN } from '../common/store-time'

dayjs.extend(utc)

/** none: everyone; min: 仅限某等级及以上; early: 某等级提前报名 (from a set time). */
export type TierRule = 'none' | 'min' | 'early'

/** What the event editor holds while the manager types: numbers as typed, times as "YYYY-MM-DD HH:mm" (store time). */
export interface EventForm {
  title: string
  description: string
  coverKey: string | null
  /** What the editor shows for the cover (the upload's URL, or the event's). */
  coverUrl: string | null
  startsAt: string
  endsAt: string
  place: string
  capacity: string
  signupFrom: string
  signupUntil: string
  tierRule: TierRule
  tierCode: TierCode | null
  earlySignupFrom: string
  pointsCost: string
  rewardPoints: string
  /** Empty: the store's default (3 hours). */
  cancelCutoffHours: string
}

export type EventField = keyof EventForm | '_'

/** The store's calendar day `days` from now, at hh:mm: "YYYY-MM-DD HH:mm" on the store's clock, not the phone's. */
export function storeDayAt(nowMs: number, days: number, hhmm: string): string {
  return `${dayjs(nowMs).utcOffset(STORE_UTC_OFFSET_MIN).add(days, 'day').format('YYYY-MM-DD')} ${hhmm}`
}

/** A new event: tomorrow 14:00–16:00 in the store, 20 seats, free, the store's cancel cut-off. */
export function emptyEventForm(nowMs: number): EventForm {
  return {
    title: '',
    description: '',
    coverKey: null,
    coverUrl: null,
    startsAt: storeDayAt(nowMs, 1, '14:00'),
    endsAt: storeDayAt(nowMs, 1, '16:00'),
    place: '',
    capacity: '20',
    signupFrom: '',
    signupUntil: '',
    tierRule: 'none',
    tierCode: null,
    earlySignupFrom: '',
    pointsCost: '0',
    rewardPoints: '0',
    cancelCutoffHours: '',
  }
}

/** A stored event back into the editor's strings. */
export function formFromEvent(v: EventFormValues, coverUrl: string | null): EventForm {
  const tierRule: TierRule = v.minTierCode ? 'min' : v.earlyTierCode ? 'early' : 'none'
  return {
    title: v.title,
    description: v.description ?? '',
    coverKey: v.coverKey,
    coverUrl,
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    place: v.place,
    capacity: String(v.capacity),
    signupFrom: v.signupFrom ?? '',
    signupUntil: v.signupUntil ?? '',
    tierRule,
    tierCode: v.minTierCode ?? v.earlyTierCode ?? null,
    earlySignupFrom: v.earlySignupFrom ?? '',
    pointsCost: String(v.pointsCost),
    rewardPoints: String(v.rewardPoints),
    cancelCutoffHours: v.cancelCutoffHours === null ? '' : String(v.cancelCutoffHours),
  }
}

/** The schema's path ('event.capacity' from the server, 'capacity' from the client) → the editor field. */
export function fieldOf(path: string): EventField {
  const head = path.replace(/^event\./, '').split('.')[0]
  if (head === 'minTierCode' || head === 'earlyTierCode') return 'tierCode'
  return (head in emptyEventForm(0) ? head : '_') as EventField
}

function whole(text: string, label: string, fields: Partial<Record<EventField, string>>, key: EventField): number | undefined {
  const t = text.normalize('NFKC').trim()
  if (!/^\d{1,9}$/.test(t)) {
    fields[key] ??= `请输入${label}（整数）`
    return undefined
  }
  return Number(t)
}

export type EventValidation = { ok: true; event: ParsedEventInput } | { ok: false; fields: Partial<Record<EventField, string>> }

/** The editor's strings → the contract's event input, checked with the SAME schema the server uses. */
export function validateEvent(f: EventForm): EventValidation {
  const fields: Partial<Record<EventField, string>> = {}
  if (f.tierRule !== 'none' && !f.tierCode) fields.tierCode = '请选择会员等级'
  const candidate: Record<string, unknown> = {
    title: f.title,
    description: f.description.trim() === '' ? undefined : f.description,
    coverKey: f.coverKey,
    startsAt: f.startsAt,
    endsAt: f.endsAt,
    place: f.place,
    capacity: whole(f.capacity, '名额', fields, 'capacity'),
    signupFrom: f.signupFrom || undefined,
    signupUntil: f.signupUntil || undefined,
    minTierCode: f.tierRule === 'min' ? f.tierCode : null,
    earlyTierCode: f.tierRule === 'early' ? f.tierCode : null,
    earlySignupFrom: f.tierRule === 'early' ? f.earlySignupFrom || undefined : undefined,
    pointsCost: whole(f.pointsCost || '0', '报名所需积分', fields, 'pointsCost'),
    rewardPoints: whole(f.rewardPoints || '0', '签到奖励积分', fields, 'rewardPoints'),
    cancelCutoffHours: f.cancelCutoffHours.trim() === '' ? null : whole(f.cancelCutoffHours, '取消截止（小时）', fields, 'cancelCutoffHours'),
  }
  for (const k of Object.keys(candidate)) if (candidate[k] === undefined) delete candidate[k]
  const parsed = eventInput.safeParse(candidate)
  if (!parsed.success) for (const [path, message] of Object.entries(zodIssuesToFields(parsed.error))) fields[fieldOf(path)] ??= message
  if (!parsed.success || Object.keys(fields).length) return { ok: false, fields }
  return { ok: true, event: parsed.data }
}

/** Whether a save changes what the registered members were told (time or place): they are notified. */
export const changesTimeOrPlace = (f: EventForm, saved: EventFormValues) => f.startsAt !== saved.startsAt || f.endsAt !== saved.endsAt || f.place.trim() !== saved.place.trim()
