import type { AppDeps } from '../app/deps'
import { JOBS } from './registry'
import { runDueJobs } from './run-due-jobs'
import type { RunSummary } from './job'

/**
 * The jobs cloud function's one timer trigger (WeChat allows one per function): 7 fields (second minute hour day
 * month weekday year), fired in UTC+8. Every 5 minutes, it runs whatever is due; what is due is decided from the
 * store's time zone (src/cloud/jobs/due.ts), never from this pattern or the function's UTC clock.
 */
export const JOBS_TIMER_CRON = '0 */5 * * * * *'
export const JOBS_TIMER_TRIGGER = { name: 'jobsTimer', type: 'timer', config: JOBS_TIMER_CRON } as const

/** A WeChat function times out (configurable up to 60 s in the console); stop taking new chunks well before. */
export const JOBS_TIMER_BUDGET_MS = 45_000

/**
 * The handler the jobs cloud function calls on each tick (deps: the instance's pool, and the WeChat subscription
 * sender built from wx-server-sdk). Stops after the current chunk when the budget runs out: the run is recorded
 * as interrupted and the next tick resumes it. The return value goes nowhere (WeChat drops it); it is for tests
 * and the function's log.
 */
export async function jobsTimerHandler(deps: AppDeps, budgetMs = JOBS_TIMER_BUDGET_MS): Promise<RunSummary[]> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), budgetMs)
  try {
    const summaries = await runDueJobs(deps, JOBS, deps.now?.() ?? new Date(), { signal: controller.signal })
    for (const s of summaries) console.log(`job ${s.job}: ${s.status} ${JSON.stringify(s.counts)}${s.error ? ` (${s.error})` : ''}`)
    return summaries
  } finally {
    clearTimeout(timer)
  }
}
