import { birthMonthEnd, birthMonthWindow, birthdayInYear, daysLeftInMonth, daysUntilBirthday, isFutureBirthday, isInBirthMonth } from './birth-month'
import { birthdayGiftFirstYear } from './gift-year'
import { nextSendTime } from './send-window'

const SH = 'Asia/Shanghai'
/** A store-time wall clock in Shanghai (UTC+8) as an instant. */
const sh = (wall: string) => new Date(`${wall}+08:00`)

describe('the birth month window (store time)', () => {
  it('runs from the 1st 00:00:00.000 to the last day 23:59:59.999', () => {
    expect(birthMonthWindow(2026, 5, SH)).toEqual({ start: sh('2026-05-01T00:00:00.000'), end: sh('2026-05-31T23:59:59.999') })
  })

  it('ends December on 31 December 23:59:59.999, not in the next year', () => {
    expect(birthMonthEnd(2026, 12, SH)).toEqual(sh('2026-12-31T23:59:59.999'))
  })

  it('ends February on the 29th in a leap year and the 28th otherwise', () => {
    expect(birthMonthEnd(2028, 2, SH)).toEqual(sh('2028-02-29T23:59:59.999'))
    expect(birthMonthEnd(2027, 2, SH)).toEqual(sh('2027-02-28T23:59:59.999'))
  })

  it('is in the birth month from 00:00:00 on the 1st until 23:59:59 on the last day, store time', () => {
    expect(isInBirthMonth(6, sh('2026-05-31T23:59:59'), SH)).toBe(false)
    expect(isInBirthMonth(6, sh('2026-06-01T00:00:00'), SH)).toBe(true)
    expect(isInBirthMonth(6, sh('2026-06-30T23:59:59'), SH)).toBe(true)
    expect(isInBirthMonth(6, sh('2026-07-01T00:00:00'), SH)).toBe(false)
    // 2026-06-01 00:30 in Shanghai is still 31 May in UTC: the store's zone decides.
    expect(isInBirthMonth(6, new Date('2026-05-31T16:30:00Z'), SH)).toBe(true)
    expect(isInBirthMonth(null, sh('2026-06-01T00:00:00'), SH)).toBe(false)
  })

  it('counts 29 February as 28 February in a year without it', () => {
    expect(birthdayInYear({ month: 2, day: 29 }, 2027)).toEqual({ year: 2027, month: 2, day: 28 })
    expect(birthdayInYear({ month: 2, day: 29 }, 2028)).toEqual({ year: 2028, month: 2, day: 29 })
  })

  it('counts days to the next birthday across the year end, 0 on the day', () => {
    expect(daysUntilBirthday({ month: 1, day: 1 }, sh('2026-12-31T23:59:59'), SH)).toBe(1)
    expect(daysUntilBirthday({ month: 1, day: 1 }, sh('2027-01-01T00:00:00'), SH)).toBe(0)
    expect(daysUntilBirthday({ month: 12, day: 31 }, sh('2027-01-01T00:00:00'), SH)).toBe(364)
    expect(daysUntilBirthday({ month: 2, day: 29 }, sh('2027-02-01T12:00:00'), SH)).toBe(27)
  })

  it('counts the days left in the month for the countdown', () => {
    expect(daysLeftInMonth(sh('2026-12-31T23:59:59'), SH)).toBe(0)
    expect(daysLeftInMonth(sh('2027-02-01T00:00:00'), SH)).toBe(27)
  })

  it('refuses only a birthday with a year after today, store time', () => {
    expect(isFutureBirthday({ month: 1, day: 1, year: 2027 }, sh('2026-12-31T23:59:59'), SH)).toBe(true)
    expect(isFutureBirthday({ month: 1, day: 1, year: 2027 }, sh('2027-01-01T00:00:00'), SH)).toBe(false)
    expect(isFutureBirthday({ month: 1, day: 1 }, sh('2026-12-31T23:59:59'), SH)).toBe(false)
  })
})

describe('birthdayGiftFirstYear: the N-day rule', () => {
  const N = 30
  it('gives this year at once when set in the birth month on or after the birthday', () => {
    expect(birthdayGiftFirstYear({ month: 6, day: 10 }, sh('2026-06-20T10:00:00'), SH, N)).toBe(2026)
    expect(birthdayGiftFirstYear({ month: 6, day: 20 }, sh('2026-06-20T00:00:00'), SH, N)).toBe(2026)
  })

  it('skips the year of a birthday set fewer than N days before it', () => {
    expect(birthdayGiftFirstYear({ month: 6, day: 21 }, sh('2026-06-20T23:59:59'), SH, N)).toBe(2027)
    expect(birthdayGiftFirstYear({ month: 7, day: 10 }, sh('2026-06-20T10:00:00'), SH, N)).toBe(2027) // 20 days
  })

  it('keeps the year of a birthday set N days or more before it', () => {
    expect(birthdayGiftFirstYear({ month: 7, day: 20 }, sh('2026-06-20T10:00:00'), SH, N)).toBe(2026) // exactly 30
    expect(birthdayGiftFirstYear({ month: 7, day: 21 }, sh('2026-06-20T10:00:00'), SH, N)).toBe(2026)
  })

  it('moves a birthday already past this year to next year', () => {
    expect(birthdayGiftFirstYear({ month: 3, day: 1 }, sh('2026-06-20T10:00:00'), SH, N)).toBe(2027)
  })

  it('rolls over 31 December: the day decides, store time', () => {
    // 23:59:59 on 31 December with a 31 December birthday: today, this year's gift.
    expect(birthdayGiftFirstYear({ month: 12, day: 31 }, sh('2026-12-31T23:59:59'), SH, N)).toBe(2026)
    // One second later it is 1 January: the next 31 December is 364 days away.
    expect(birthdayGiftFirstYear({ month: 12, day: 31 }, sh('2027-01-01T00:00:00'), SH, N)).toBe(2027)
    // A January birthday set in late December is fewer than N days away: the year after next.
    expect(birthdayGiftFirstYear({ month: 1, day: 5 }, sh('2026-12-20T12:00:00'), SH, N)).toBe(2028)
    // The same at 16:00 UTC on 31 December is already 1 January in Shanghai.
    expect(birthdayGiftFirstYear({ month: 1, day: 1 }, new Date('2026-12-31T16:00:00Z'), SH, N)).toBe(2027)
  })

  it('counts 29 February as 28 February in a non-leap year', () => {
    // On 28 Feb 2027 the birthday is today: this year's gift at once.
    expect(birthdayGiftFirstYear({ month: 2, day: 29 }, sh('2027-02-28T09:00:00'), SH, N)).toBe(2027)
    // On 27 Feb 2027 it is one day away: skipped.
    expect(birthdayGiftFirstYear({ month: 2, day: 29 }, sh('2027-02-27T09:00:00'), SH, N)).toBe(2028)
    // In a leap year the 28th is one day before the 29th.
    expect(birthdayGiftFirstYear({ month: 2, day: 29 }, sh('2028-02-28T09:00:00'), SH, N)).toBe(2029)
    expect(birthdayGiftFirstYear({ month: 2, day: 29 }, sh('2028-02-29T00:00:00'), SH, N)).toBe(2028)
  })

  it('gives the next birthday at once with N = 0', () => {
    expect(birthdayGiftFirstYear({ month: 6, day: 21 }, sh('2026-06-20T10:00:00'), SH, 0)).toBe(2026)
  })
})

describe('nextSendTime: 09:00–20:00 store time', () => {
  it('sends at once inside the window, from 09:00:00 up to 19:59:59', () => {
    expect(nextSendTime(sh('2026-06-20T09:00:00'), SH, 9, 20)).toEqual(sh('2026-06-20T09:00:00'))
    expect(nextSendTime(sh('2026-06-20T19:59:59'), SH, 9, 20)).toEqual(sh('2026-06-20T19:59:59'))
  })

  it('waits for 09:00 the same morning before the window and the next morning after it', () => {
    expect(nextSendTime(sh('2026-06-20T08:59:59'), SH, 9, 20)).toEqual(sh('2026-06-20T09:00:00'))
    expect(nextSendTime(sh('2026-06-20T00:00:00'), SH, 9, 20)).toEqual(sh('2026-06-20T09:00:00'))
    expect(nextSendTime(sh('2026-06-20T20:00:00'), SH, 9, 20)).toEqual(sh('2026-06-21T09:00:00'))
    expect(nextSendTime(sh('2026-12-31T23:59:59'), SH, 9, 20)).toEqual(sh('2027-01-01T09:00:00'))
  })

  it('holds nothing back when the window is not a window', () => {
    expect(nextSendTime(sh('2026-06-20T03:00:00'), SH, 0, 0)).toEqual(sh('2026-06-20T03:00:00'))
  })
})
