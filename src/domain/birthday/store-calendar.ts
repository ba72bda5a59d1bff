import { inZone, zoneOffsetMs } from '../zone-offset'

/**
 * Calendar arithmetic in the store's zone, from instants (cloud functions run in UTC; the store lives in its own
 * zone). Kept in this folder while the shared src/domain/local-time.ts is not on main: same names, so the merge
 * can point the imports there and delete this file.
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

/** The instant the wall clock in `zone` shows this date and time; fields may overflow (day 32) as in Date.UTC. */
export function instantAt(zone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  const first = wallMs - zoneOffsetMs(wallMs, zone)
  return new Date(wallMs - zoneOffsetMs(first, zone))
}

/** Days in a month (1–12); February follows the leap-year rule. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Whole calendar days from `a` to `b`, negative when b is earlier. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000)
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day
}
