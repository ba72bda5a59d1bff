import { daysInMonth, endOfLocalDay, localDateOf, parseLocalDate, startOfLocalDay } from '../local-time'

/**
 * When a coupon can be used. Windows are inclusive at both ends: from 00:00:00.000 on the first day to
 * 23:59:59.999 on the last, store time, so a coupon is usable at 23:59:59 and refused at 00:00:00 the next day.
 * Decided from these stored instants at the moment of use and display, never by a job having run.
 */

export interface Window {
  start: Date
  end: Date
}

/** A fixed window of calendar dates ('YYYY-MM-DD', store zone). */
export function dayWindow(from: string, to: string, zone: string): Window {
  return { start: startOfLocalDay(zone, parseLocalDate(from)), end: endOfLocalDay(zone, parseLocalDate(to)) }
}

/** "N days from the claim": the claim's own day is day 1, so 1 day ends at 23:59:59.999 the same day. */
export function daysAfterIssueEnd(issuedAt: Date, days: number, zone: string): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('days must be a positive integer')
  const d = localDateOf(issuedAt, zone)
  return endOfLocalDay(zone, { year: d.year, month: d.month, day: d.day + days - 1 })
}

/** The last instant of a month (a birthday gift's end): 23:59:59.999 on its last day, store time. */
export function monthEnd(year: number, month: number, zone: string): Date {
  return endOfLocalDay(zone, { year, month, day: daysInMonth(year, month) })
}

/** Inclusive at both ends. */
export function isWithin(now: Date, validFrom: Date, validTo: Date): boolean {
  const t = now.getTime()
  return t >= validFrom.getTime() && t <= validTo.getTime()
}

export interface ValidityRule {
  validityKind: 'fixed' | 'days'
  validFrom: Date | null
  validTo: Date | null
  validDays: number | null
}

/**
 * The use window of a coupon issued at `issuedAt` under a template's rule. A fixed window is the template's; a
 * "days" coupon starts at its issue. Null when a fixed window has already ended (nothing usable to issue).
 */
export function windowForIssue(rule: ValidityRule, issuedAt: Date, zone: string): Window | null {
  if (rule.validityKind === 'fixed') {
    if (!rule.validFrom || !rule.validTo) throw new Error('fixed validity without its dates')
    return issuedAt.getTime() > rule.validTo.getTime() ? null : { start: rule.validFrom, end: rule.validTo }
  }
  if (rule.validDays === null) throw new Error('days validity without its days')
  return { start: issuedAt, end: daysAfterIssueEnd(issuedAt, rule.validDays, zone) }
}
