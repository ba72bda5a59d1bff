import { inZone, zoneOffsetMs } from './zone-offset'

/**
 * Calendar arithmetic in the store's zone, from instants: what day is it there, and which instant is a wall-clock
 * time there. Cloud functions run in UTC while the store lives in its own zone (Asia/Shanghai by default), so
 * "today", "the end of the month" and "23:59:59 on the last day" are always computed here, never with the
 * process's local time.
 */

export interface LocalDate {
  year: number
  /** 1–12 */
  month: number
  day: number
}

/** The calendar date of `at` in `zone`. */
export function localDateOf(at: Date, zone: string): LocalDate {
  const wall = inZone(at.getTime(), zone)
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() }
}

/** The wall-clock hour (0–23) of `at` in `zone`. */
export function localHourOf(at: Date, zone: string): number {
  return inZone(at.getTime(), zone).getUTCHours()
}

/**
 * The instant at which the wall clock in `zone` shows this date and time. Fields may overflow (day 32, month 13)
 * and are normalised as Date.UTC does. In a DST gap the earlier offset is used; the store zones here have none.
 */
export function instantAt(zone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  // The offset at the guess, then at the corrected guess: exact unless the wall time falls in a transition.
  const first = wallMs - zoneOffsetMs(wallMs, zone)
  return new Date(wallMs - zoneOffsetMs(first, zone))
}

/** 00:00:00.000 of a date in `zone`. */
export function startOfLocalDay(zone: string, d: LocalDate): Date {
  return instantAt(zone, d.year, d.month, d.day)
}

/** 23:59:59.999 of a date in `zone`: the last instant of that day (windows in this app are inclusive of it). */
export function endOfLocalDay(zone: string, d: LocalDate): Date {
  return new Date(instantAt(zone, d.year, d.month, d.day + 1).getTime() - 1)
}

/** Days in a month (month 1–12); February follows the leap-year rule. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Whole calendar days from `a` to `b` (store dates), negative when b is earlier. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000)
}

/** 'YYYY-MM-DD' → LocalDate (the contract has checked the format). */
export function parseLocalDate(s: string): LocalDate {
  const [year, month, day] = s.split('-').map(Number)
  return { year, month, day }
}

export function formatLocalDate(d: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`
}
