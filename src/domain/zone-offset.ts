/**
 * The UTC offset of an IANA time zone at an instant, without Intl on every call: formatting a time in a zone
 * with Intl (what dayjs.tz does) costs ~0.4 ms, the till's whole budget. The offset is asked of Intl once per
 * zone and UTC hour, at both ends of the hour; when they agree (every hour but the ones holding a DST or zone
 * change, and tzdb never puts two changes within one hour) it holds for the whole hour and is cached. An hour
 * that holds a change is answered by Intl each time: rare and still exact. Any IANA zone works, including
 * half-hour and 45-minute offsets and changes that fall off the hour.
 */
const HOUR_MS = 3_600_000
const MAX_CACHED_HOURS = 10_000

/** zone|hour index → the offset for that whole hour, or null when a change falls inside it. */
const hours = new Map<string, number | null>()
const formatters = new Map<string, Intl.DateTimeFormat>()

export function zoneOffsetMs(atMs: number, timeZone: string): number {
  const hour = Math.floor(atMs / HOUR_MS)
  const key = `${timeZone}|${hour}`
  let offset = hours.get(key)
  if (offset === undefined) {
    const start = offsetByIntl(hour * HOUR_MS, timeZone)
    const end = offsetByIntl((hour + 1) * HOUR_MS - 1, timeZone)
    offset = start === end ? start : null
    if (hours.size >= MAX_CACHED_HOURS) hours.clear() // a bound: a long-running process moves through hours
    hours.set(key, offset)
  }
  return offset ?? offsetByIntl(atMs, timeZone)
}

/** The wall-clock fields of `atMs` in `timeZone`, read with getUTC* from the shifted Date. */
export function inZone(atMs: number, timeZone: string): Date {
  return new Date(atMs + zoneOffsetMs(atMs, timeZone))
}

/** The slow, exact way: the zone's wall time at that second, read back as if it were UTC, minus the instant. */
function offsetByIntl(atMs: number, timeZone: string): number {
  let format = formatters.get(timeZone)
  if (!format) {
    // Throws RangeError for an unknown zone, as dayjs.tz did.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, format)
  }
  const fields: Record<string, string> = {}
  for (const part of format.formatToParts(atMs)) fields[part.type] = part.value
  const wall = Date.UTC(Number(fields.year), Number(fields.month) - 1, Number(fields.day), Number(fields.hour), Number(fields.minute), Number(fields.second))
  return wall - Math.floor(atMs / 1000) * 1000
}
