import { instantAt, localDateOf } from '../local-time'

/**
 * Until when a gift redeemed at `now` can be picked up: through the end (23:59:59) of the `days`-th day after the
 * redemption day, store time; returned as the exclusive bound, the next midnight. Redeemed on 11-23 with 7 days:
 * usable through 11-30 23:59:59, refused from 12-01 00:00:00.
 */
export function pickupExpiresAt(now: Date, zone: string, days: number): Date {
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError('pick-up days must be a positive integer')
  const d = localDateOf(now, zone)
  return instantAt(zone, d.year, d.month, d.day + days + 1)
}

/** Whether the pick-up window is over at `now` (the bound is exclusive). */
export function pickupExpired(expiresAt: Date, now: Date): boolean {
  return now.getTime() >= expiresAt.getTime()
}
