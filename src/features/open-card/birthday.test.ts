import { birthdayColumns, clampDraft, isFutureBirthday, NO_YEAR } from './birthday'

// 15:59:59 UTC on 20 May 2026 is 23:59:59 in the store (UTC+8); one second later it is 21 May there.
const LAST_SECOND_OF_20_MAY = Date.parse('2026-05-20T15:59:59.000Z')
const FIRST_SECOND_OF_21_MAY = Date.parse('2026-05-20T16:00:00.000Z')
const lengths = (draft: [number, number, number], now = LAST_SECOND_OF_20_MAY) => birthdayColumns(draft, now).map((c) => c.length)

describe('birthday picker columns', () => {
  it('offers each month its real number of days', () => {
    expect(lengths([1990, 4, 1])[2]).toBe(30)
    expect(lengths([1990, 1, 1])[2]).toBe(31)
    expect(lengths([2023, 2, 1])[2]).toBe(28)
    expect(lengths([2024, 2, 1])[2]).toBe(29)
    // Without a year, 29 February is a birthday someone can have.
    expect(lengths([NO_YEAR, 2, 1])[2]).toBe(29)
  })

  it('never offers a date after today (store zone), tested at 23:59:59 and 00:00:00', () => {
    expect(lengths([2026, 1, 1])).toEqual([1 + 2026 - 1930 + 1, 5, 31])
    expect(lengths([2026, 5, 1])[2]).toBe(20)
    expect(lengths([2026, 5, 1], FIRST_SECOND_OF_21_MAY)[2]).toBe(21)
    expect(birthdayColumns([2026, 5, 1], LAST_SECOND_OF_20_MAY)[0][1]).toEqual({ text: '2026 年', value: 2026 })
    // Other years and no year: all twelve months.
    expect(lengths([2025, 12, 1])[1]).toBe(12)
    expect(lengths([NO_YEAR, 12, 1])[1]).toBe(12)
  })

  it('moves a draft onto an offered date when the month or year changes', () => {
    expect(clampDraft([1990, 4, 31], LAST_SECOND_OF_20_MAY)).toEqual([1990, 4, 30])
    expect(clampDraft([2023, 2, 30], LAST_SECOND_OF_20_MAY)).toEqual([2023, 2, 28])
    expect(clampDraft([2026, 12, 25], LAST_SECOND_OF_20_MAY)).toEqual([2026, 5, 20])
  })

  it('knows a future birthday', () => {
    expect(isFutureBirthday({ year: 2026, month: 5, day: 21 }, LAST_SECOND_OF_20_MAY)).toBe(true)
    expect(isFutureBirthday({ year: 2026, month: 5, day: 21 }, FIRST_SECOND_OF_21_MAY)).toBe(false)
    expect(isFutureBirthday({ month: 12, day: 31 }, LAST_SECOND_OF_20_MAY)).toBe(false)
  })
})
