import { Cron } from 'croner'

/** A job that never ran catches up on a slot at most this old (one missed day), not on everything since 1970. */
const FIRST_RUN_LOOKBACK_MS = 86_400_000

function cronIn(schedule: string, timeZone: string): Cron {
  return new Cron(schedule, { timezone: timeZone, paused: true })
}

/** The latest slot of `schedule` at or before `now`, reading the pattern in `timeZone`. */
export function latestSlot(schedule: string, timeZone: string, now: Date): Date | null {
  return cronIn(schedule, timeZone).previousRuns(1, new Date(now.getTime() + 1))[0] ?? null
}

/**
 * The slot a run should cover now, or null when nothing is due: due when a slot of the schedule (read in the
 * store's zone) lies after the last slot a run covered and at or before `now`. Several missed slots collapse
 * into one run, for the latest. The server's own zone never enters: a daily 00:00 job is due at 00:00 Shanghai
 * time whether the process runs in UTC (WeChat) or anywhere else.
 */
export function dueSlot(schedule: string, timeZone: string, now: Date, lastSlot: Date | null): Date | null {
  const slot = latestSlot(schedule, timeZone, now)
  if (!slot) return null
  if (lastSlot === null) return now.getTime() - slot.getTime() <= FIRST_RUN_LOOKBACK_MS ? slot : null
  return slot.getTime() > lastSlot.getTime() ? slot : null
}

/** Whether a cron pattern parses (5, 6 or 7 fields). */
export function isValidSchedule(schedule: string): boolean {
  try {
    cronIn(schedule, 'UTC')
    return true
  } catch {
    return false
  }
}
