import dayjs from 'dayjs'
import type { PointsExpiryRule } from '../contract/enums'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/**
 * When points earned at `earnedAt` expire: the end of the calendar year after the one they were earned in,
 * in the store's time zone. Returned as the first instant of the year after that (an exclusive bound):
 * points are usable while `now < expiresAt`. The zone matters: 00:30 on 1 January in Shanghai is still
 * 31 December in UTC, which would expire the points a whole year early.
 */
export function pointsExpireAt(earnedAt: Date, timeZone: string): Date {
  return new Date(startOfYear(yearIn(earnedAt, timeZone) + 2, timeZone))
}

/** The expiry of a lot earned at `earnedAt` under the store's rule: null when points never expire. */
export function lotExpiry(rule: PointsExpiryRule, earnedAt: Date, timeZone: string): Date | null {
  return rule === 'never' ? null : pointsExpireAt(earnedAt, timeZone)
}

/**
 * The calendar year `at` falls in, in `timeZone`, from the cached year starts: a zone is never a whole year
 * off UTC, so it is the UTC year or a neighbour. (dayjs(at).tz(zone) formats with Intl on every call, ~0.4 ms:
 * the till's hot path.)
 */
function yearIn(at: Date, timeZone: string): number {
  const t = at.getTime()
  const utcYear = at.getUTCFullYear()
  if (t < startOfYear(utcYear, timeZone)) return utcYear - 1
  if (t >= startOfYear(utcYear + 1, timeZone)) return utcYear + 1
  return utcYear
}

// dayjs.tz(string, zone) is the slow part (~0.4 ms, Intl formatting) and its answer never changes: keep it.
const yearStarts = new Map<string, number>()
function startOfYear(year: number, timeZone: string): number {
  const key = `${timeZone}|${year}`
  let start = yearStarts.get(key)
  if (start === undefined) {
    start = dayjs.tz(`${year}-01-01 00:00:00`, timeZone).valueOf()
    if (yearStarts.size > 1_000) yearStarts.clear() // a bound on everything, even a cache of a few entries
    yearStarts.set(key, start)
  }
  return start
}
