import type { AppDeps } from '../app/deps'
import { STORE_CODE } from '../app/store-context'
import { lastRun, lastScheduledSlot } from '../db/repositories/job-runs'
import { findStoreByCode } from '../db/repositories/stores'
import { dueSlot } from './due'
import type { JobDefinition, RunOptions, RunSummary } from './job'
import { runJob } from './run-job'

/**
 * Runs every job that is due at `now`, one after another: a schedule slot (read in the store's zone) not yet
 * covered by a run, or a run that was cut off and waits to be resumed. What the WeChat timer function and the
 * gateway's scheduler both call.
 */
export async function runDueJobs(deps: AppDeps, jobs: readonly JobDefinition[], now: Date, options: Omit<RunOptions, 'scheduledFor'> = {}): Promise<RunSummary[]> {
  const summaries: RunSummary[] = []
  for (const job of jobs) {
    if (options.signal?.aborted) break
    const due = await deps.db.transaction(async (tx) => {
      const store = await findStoreByCode(tx, STORE_CODE)
      if (!store) return null
      const last = await lastRun(tx, job.name)
      const slot = dueSlot(job.schedule, store.timezone, now, await lastScheduledSlot(tx, job.name))
      return { slot, resume: last?.status === 'interrupted' }
    })
    if (!due || (!due.slot && !due.resume)) continue
    summaries.push(await runJob(deps, job, now, { ...options, scheduledFor: due.slot }))
  }
  return summaries
}
