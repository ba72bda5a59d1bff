import dayjs from 'dayjs'
import type { PointsExpiryRule } from '../contract/enums'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { daysBetween, formatLocalDate, localDateOf } from './local-time'

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

/** The last day points expiring at `expiresAt` can be used, in store time, 'YYYY-MM-DD' (the day of expiresAt − 1 ms). */
export function lastUsableDay(expiresAt: Date, timeZone: string): string {
  return formatLocalDate(localDateOf(new Date(expiresAt.getTime() - 1), timeZone))
}

/** Whole store days from today to the last usable day: 0 on that day itself, negative once it has passed. */
export function daysLeftToUse(now: Date, expiresAt: Date, timeZone: string): number {
  return daysBetween(localDateOf(now, timeZone), localDateOf(new Date(expiresAt.getTime() - 1), timeZone))
}

/**
 * 「年底清零倒计时」: November and December (store time), for points whose last usable day falls in this year.
 * Outside those months, or for points lasting into next year, the card shows the plain line only.
 */
export function inCountdownSeason(now: Date, expiresAt: Date, timeZone: string): boolean {
  const today = localDateOf(now, timeZone)
  const last = localDateOf(new Date(expiresAt.getTime() - 1), timeZone)
  return today.month >= 11 && last.year === today.year && now.getTime() < expiresAt.getTime()
}

/**
 * The reminder threshold due today for points with `daysLeft` days left, or null. The most urgent threshold
 * reached wins (the last call before the warning), so a member whose points first come within 7 days gets the
 * last call only, and a day the job missed is caught up the next day. A threshold of 0 is switched off.
 */
export function reminderThresholdDue(daysLeft: number, warnDays: number, lastCallDays: number): number | null {
  if (daysLeft < 0) return null
  const reached = [lastCallDays, warnDays].filter((t) => t > 0 && daysLeft <= t).sort((a, b) => a - b)
  return reached[0] ?? null
}
