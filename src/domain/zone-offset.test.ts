import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import { inZone, zoneOffsetMs } from './zone-offset'

dayjs.extend(utc)
dayjs.extend(timezone)

const wall = (atMs: number, zone: string) => inZone(atMs, zone).toISOString().slice(0, 19)
const byDayjs = (atMs: number, zone: string) => dayjs(atMs).tz(zone).format('YYYY-MM-DDTHH:mm:ss')

describe('zoneOffsetMs (cached per hour, exact around changes)', () => {
  it('agrees with dayjs.tz minute by minute across DST changes, off-the-hour changes and odd offsets', () => {
    const cases: Array<[string, string]> = [
      ['America/New_York', '2026-03-08T06:00:00Z'], // spring forward at 07:00 UTC
      ['America/New_York', '2026-11-01T05:00:00Z'], // fall back at 06:00 UTC
      ['Australia/Lord_Howe', '2026-10-03T14:00:00Z'], // a 30-minute change at 15:30 UTC, off the hour
      ['Asia/Kathmandu', '2026-06-01T00:00:00Z'], // +05:45
      ['Asia/Kolkata', '2026-12-31T18:00:00Z'], // +05:30: midnight falls at hh:30 UTC
      ['Asia/Shanghai', '2026-12-31T15:00:00Z'], // the store default, across the new year
    ]
    for (const [zone, from] of cases) {
      const start = Date.parse(from)
      for (let m = 0; m <= 180; m++) {
        const at = start + m * 60_000 + 59_999
        expect(`${zone} ${wall(at, zone)}`).toBe(`${zone} ${byDayjs(at, zone)}`)
      }
    }
  })

  it('is 8 hours in Shanghai at 23:59:59 and 00:00:00 local', () => {
    expect(zoneOffsetMs(Date.parse('2026-12-31T15:59:59Z'), 'Asia/Shanghai')).toBe(8 * 3_600_000)
    expect(wall(Date.parse('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2027-01-01T00:00:00')
  })

  it('refuses an unknown zone like Intl does', () => {
    expect(() => zoneOffsetMs(0, 'Mars/Olympus')).toThrow(RangeError)
  })
})
