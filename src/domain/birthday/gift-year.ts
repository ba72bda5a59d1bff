import { birthdayInYear, nextBirthday, type BirthdayDate } from './birth-month'
import { daysBetween, localDateOf } from '../local-time'

/**
 * The first year whose birth month brings a gift, decided once when the birthday is set (stored as
 * members.birthday_gift_from_year, so the job never decrypts the day):
 *  - set during the birth month on or after the birthday (already passed, or today): this year's gift at once;
 *  - otherwise the next birthday's year, unless it was set fewer than `minDays` days before that birthday
 *    (anti-gaming: a birthday typed in just before it), then the year after.
 * All in store time; 29 February counts as 28 February in a year without it.
 */
export function birthdayGiftFirstYear(birthday: BirthdayDate, setAt: Date, zone: string, minDays: number): number {
  const today = localDateOf(setAt, zone)
  const thisYear = birthdayInYear(birthday, today.year)
  if (birthday.month === today.month && thisYear.day <= today.day) return today.year
  const next = nextBirthday(birthday, today)
  return daysBetween(today, next) < minDays ? next.year + 1 : next.year
}
