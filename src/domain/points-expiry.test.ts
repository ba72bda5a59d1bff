import { pointsExpireAt } from './points-expiry'

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
