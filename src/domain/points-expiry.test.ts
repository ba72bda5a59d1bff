import { daysLeftToUse, inCountdownSeason, lastUsableDay, lotExpiry, pointsExpireAt, reminderThresholdDue } from './points-expiry'

const SH = 'Asia/Shanghai'
/** Shanghai wall time → instant (UTC+8, no DST). */
const sh = (wall: string) => new Date(`${wall.replace(' ', 'T')}+08:00`)

describe('points expiry', () => {
  it('expires points earned mid-year at the end of the following year, Shanghai midnight', () => {
    expect(pointsExpireAt(new Date('2025-06-15T04:00:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })

  it('counts 00:30 on 1 January in Shanghai as the new year although it is still 31 December in UTC', () => {
    const earnedAt = new Date('2024-12-31T16:30:00Z') // 2025-01-01 00:30 in Shanghai
    expect(pointsExpireAt(earnedAt, 'Asia/Shanghai').toISOString()).toBe('2026-12-31T16:00:00.000Z')
    expect(pointsExpireAt(earnedAt, 'UTC').toISOString()).toBe('2026-01-01T00:00:00.000Z')
  })

  it('counts 23:59 on 31 December in Shanghai as the old year', () => {
    const earnedAt = new Date('2025-12-31T15:59:59Z') // 2025-12-31 23:59:59 in Shanghai
    expect(pointsExpireAt(earnedAt, 'Asia/Shanghai').toISOString()).toBe('2026-12-31T16:00:00.000Z')
  })

  it('does not depend on the machine time zone', () => {
    const earnedAt = new Date('2025-03-01T00:00:00Z')
    expect(pointsExpireAt(earnedAt, 'America/New_York').toISOString()).toBe('2027-01-01T05:00:00.000Z')
  })
})

describe('the 2025 lot in Shanghai', () => {
  const expiry2025 = '2026-12-31T16:00:00.000Z' // 2027-01-01 00:00 in Shanghai

  it('counts a purchase at 23:59:30 on 31 December 2025 (15:59:30 UTC) and one at 00:00:00 on 1 January 2025 as 2025 lots', () => {
    expect(sh('2025-12-31 23:59:30').toISOString()).toBe('2025-12-31T15:59:30.000Z')
    expect(pointsExpireAt(sh('2025-12-31 23:59:30'), SH).toISOString()).toBe(expiry2025)
    expect(pointsExpireAt(sh('2025-01-01 00:00:00'), SH).toISOString()).toBe(expiry2025)
    expect(pointsExpireAt(sh('2024-12-31 23:59:59'), SH).toISOString()).toBe('2025-12-31T16:00:00.000Z')
    expect(pointsExpireAt(sh('2026-01-01 00:00:00'), SH).toISOString()).toBe('2027-12-31T16:00:00.000Z')
  })

  it('has 2026-12-31 as its last usable day in store time, not the UTC date of the instant', () => {
    expect(lastUsableDay(new Date(expiry2025), SH)).toBe('2026-12-31')
    expect(lastUsableDay(new Date(expiry2025), 'UTC')).toBe('2026-12-31')
    expect(lastUsableDay(new Date('2027-01-01T00:00:00Z'), 'UTC')).toBe('2026-12-31')
  })

  it('counts the days left in store days: 0 at 23:59:59 on the last day, -1 at 00:00:00 after', () => {
    const at = new Date(expiry2025)
    expect(daysLeftToUse(sh('2026-12-01 00:00:00'), at, SH)).toBe(30)
    expect(daysLeftToUse(sh('2026-12-24 08:00:00'), at, SH)).toBe(7)
    expect(daysLeftToUse(sh('2026-12-31 23:59:59'), at, SH)).toBe(0)
    expect(daysLeftToUse(sh('2027-01-01 00:00:00'), at, SH)).toBe(-1)
    // 2026-12-31 07:59 UTC is already 15:59 on the 31st in Shanghai: 0 days, not 1.
    expect(daysLeftToUse(new Date('2026-12-31T07:59:00Z'), at, SH)).toBe(0)
  })

  it('is in the countdown season from 1 November to 31 December 23:59:59 store time of its last year only', () => {
    const at = new Date(expiry2025)
    expect(inCountdownSeason(sh('2026-10-31 23:59:59'), at, SH)).toBe(false)
    expect(inCountdownSeason(sh('2026-11-01 00:00:00'), at, SH)).toBe(true)
    expect(inCountdownSeason(sh('2026-12-31 23:59:59'), at, SH)).toBe(true)
    expect(inCountdownSeason(sh('2027-01-01 00:00:00'), at, SH)).toBe(false)
    // November 2025: these points last another year.
    expect(inCountdownSeason(sh('2025-11-15 12:00:00'), at, SH)).toBe(false)
  })

  it('never expires under the never rule', () => {
    expect(lotExpiry('never', sh('2025-06-01 12:00:00'), SH)).toBeNull()
    expect(lotExpiry('year_end_next', sh('2025-06-01 12:00:00'), SH)?.toISOString()).toBe(expiry2025)
  })
})

describe('reminder thresholds', () => {
  it('is due at the warning from 30 days left and at the last call from 7, the most urgent first', () => {
    expect(reminderThresholdDue(31, 30, 7)).toBeNull()
    expect(reminderThresholdDue(30, 30, 7)).toBe(30)
    expect(reminderThresholdDue(8, 30, 7)).toBe(30)
    expect(reminderThresholdDue(7, 30, 7)).toBe(7)
    expect(reminderThresholdDue(0, 30, 7)).toBe(7)
    expect(reminderThresholdDue(-1, 30, 7)).toBeNull()
  })

  it('skips a threshold set to 0', () => {
    expect(reminderThresholdDue(5, 30, 0)).toBe(30)
    expect(reminderThresholdDue(5, 0, 0)).toBeNull()
  })
})
