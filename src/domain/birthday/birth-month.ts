import { monthEnd } from '../coupons/validity'
import { daysBetween, daysInMonth, instantAt, localDateOf, type LocalDate } from '../local-time'

/**
 * The birth month, in the store's zone: the gift is issued in it and is valid until its last instant,
 * 23:59:59.999 store time on the last day. 29 February counts as 28 February in a year without it.
 */

export interface BirthdayDate {
  month: number
  day: number
}

export interface Window {
  start: Date
  end: Date
}

/** From the 1st 00:00:00.000 to the last day 23:59:59.999 of `month` in `year`, store time (both inclusive). */
export function birthMonthWindow(year: number, month: number, zone: string): Window {
  return { start: instantAt(zone, year, month, 1), end: birthMonthEnd(year, month, zone) }
}

/** The last instant of the birth month: a birthday gift's end (validity.ts monthEnd, named for what it is here). */
export const birthMonthEnd = monthEnd

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day
}

/** Whether `now` (store time) falls in the birth month. */
export function isInBirthMonth(birthMonth: number | null, now: Date, zone: string): boolean {
  return birthMonth !== null && localDateOf(now, zone).month === birthMonth
}

/** The birthday's date in `year`: 29 February is 28 February in a year without it. */
export function birthdayInYear(birthday: BirthdayDate, year: number): LocalDate {
  return { year, month: birthday.month, day: Math.min(birthday.day, daysInMonth(year, birthday.month)) }
}

/** The next birthday on or after `today` (today itself counts). */
export function nextBirthday(birthday: BirthdayDate, today: LocalDate): LocalDate {
  const thisYear = birthdayInYear(birthday, today.year)
  return compareLocalDates(thisYear, today) >= 0 ? thisYear : birthdayInYear(birthday, today.year + 1)
}

/** Whole days until the next birthday, store time: 0 on the day. */
export function daysUntilBirthday(birthday: BirthdayDate, now: Date, zone: string): number {
  const today = localDateOf(now, zone)
  return daysBetween(today, nextBirthday(birthday, today))
}

/** Whole calendar days left in the current month after today, store time (0 on the last day): the countdown. */
export function daysLeftInMonth(now: Date, zone: string): number {
  const today = localDateOf(now, zone)
  return daysInMonth(today.year, today.month) - today.day
}

/** Whether a birthday with a year lies after today, store time (a birthday cannot be in the future). */
export function isFutureBirthday(birthday: BirthdayDate & { year?: number }, now: Date, zone: string): boolean {
  if (birthday.year === undefined) return false
  return compareLocalDates({ year: birthday.year, month: birthday.month, day: birthday.day }, localDateOf(now, zone)) > 0
}
