import { STORE_UTC_OFFSET_MIN } from '../common/store-time'

/** The birthday picker's columns: 不填年份 or a year, a month, a day. Pure, so the rules are unit-tested. */

export const NO_YEAR = 0
export const FIRST_YEAR = 1930
/** Without a year, February offers the 29th (a leap-day birthday is a real birthday). */
const LEAP_YEAR = 2000

export type Draft = [year: number, month: number, day: number]
export interface Column {
  text: string
  value: number
}

/** Today's date in the store's zone (UTC+8), whatever the phone's zone. */
export function storeToday(nowMs: number): { year: number; month: number; day: number } {
  const d = new Date(nowMs + STORE_UTC_OFFSET_MIN * 60_000)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year === NO_YEAR ? LEAP_YEAR : year, month, 0)).getUTCDate()
}

/**
 * The last month and day the picker may offer for this draft: a birthday is never in the future, so this year
 * stops at today; any other year (or none) has every month and that month's real number of days.
 */
function limits(draft: Draft, nowMs: number): { lastMonth: number; lastDay: number } {
  const today = storeToday(nowMs)
  const [year, month] = draft
  const thisYear = year === today.year
  const lastMonth = thisYear ? today.month : 12
  const m = Math.min(month, lastMonth)
  const lastDay = thisYear && m === today.month ? today.day : daysInMonth(year, m)
  return { lastMonth, lastDay }
}

/** Moves a draft onto a date the columns offer (31 March → 30 April when the month turns to April). */
export function clampDraft(draft: Draft, nowMs: number): Draft {
  const { lastMonth, lastDay } = limits(draft, nowMs)
  const month = Math.min(Math.max(1, draft[1]), lastMonth)
  const day = Math.min(Math.max(1, draft[2]), lastDay)
  return [draft[0], month, day]
}

export function birthdayColumns(draft: Draft, nowMs: number): [Column[], Column[], Column[]] {
  const today = storeToday(nowMs)
  const years: Column[] = [{ text: '不填年份', value: NO_YEAR }]
  for (let y = today.year; y >= FIRST_YEAR; y--) years.push({ text: `${y} 年`, value: y })
  const { lastMonth, lastDay } = limits(draft, nowMs)
  const months = Array.from({ length: lastMonth }, (_, i) => ({ text: `${i + 1} 月`, value: i + 1 }))
  const days = Array.from({ length: lastDay }, (_, i) => ({ text: `${i + 1} 日`, value: i + 1 }))
  return [years, months, days]
}

/** A picked birthday after today (store zone), or null. Only possible with a year. */
export function isFutureBirthday(b: { year?: number; month: number; day: number }, nowMs: number): boolean {
  if (b.year === undefined) return false
  const t = storeToday(nowMs)
  return b.year * 10_000 + b.month * 100 + b.day > t.year * 10_000 + t.month * 100 + t.day
}
