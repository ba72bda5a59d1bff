import { instantAt, localDateOf, localHourOf } from '../local-time'

/**
 * The next moment inside the store's send window [fromHour:00, toHour:00) store time, at or after `now`:
 * WeChat messages queued at night wait for the morning (the in-app copy is there at once). A window that is
 * empty or the whole day (from >= to) does not hold anything back.
 */
export function nextSendTime(now: Date, zone: string, fromHour: number, toHour: number): Date {
  if (fromHour >= toHour) return now
  const hour = localHourOf(now, zone)
  if (hour >= fromHour && hour < toHour) return now
  const today = localDateOf(now, zone)
  return instantAt(zone, today.year, today.month, hour < fromHour ? today.day : today.day + 1, fromHour)
}
