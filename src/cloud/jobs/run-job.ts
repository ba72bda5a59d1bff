import type { AppDeps } from '../app/deps'
import { STORE_CODE } from '../app/store-context'
import { expireStaleRuns, finishRun, insertRunningRun, lastRun, pruneFinishedRuns, saveRunProgress } from '../db/repositories/job-runs'
import { findStoreByCode } from '../db/repositories/stores'
import type { JobDefinition, RunOptions, RunSummary } from './job'

/** How long finished runs are kept in job_runs: enough to see what happened lately, bounded for every-minute jobs. */
export const KEEP_RUNS_DAYS = 14

/**
 * Runs a job to the end, chunk by chunk, recording the run in job_runs: started, each chunk's cursor and counts
 * (which also renews the lease), finished or why not. One run per job at a time; a run left behind by a killed
 * process or a timed-out function (its heartbeat older than the lease) is marked interrupted, and this run resumes
 * it: same `now`, same schedule slot, from its cursor. Never throws: a failure is recorded and returned.
 */
export async function runJob(deps: AppDeps, job: JobDefinition, now: Date, options: RunOptions = {}): Promise<RunSummary> {
  const clock = deps.now ?? (() => new Date())
  const summary: RunSummary = { job: job.name, status: 'busy', runId: null, resumedFrom: null, counts: {}, error: null }

  const started = await deps.db.transaction(async (tx) => {
    const at = clock()
    await expireStaleRuns(tx, job.name, new Date(at.getTime() - job.leaseS * 1000), at)
    const previous = await lastRun(tx, job.name)
    const resume = previous && previous.status !== 'done' && previous.status !== 'running' ? previous : null
    const run = await insertRunningRun(tx, {
      jobName: job.name,
      scheduledFor: resume ? resume.scheduledFor : (options.scheduledFor ?? null),
      asOf: resume ? resume.asOf : now,
      cursor: resume ? resume.cursor : null,
      resumedFrom: resume ? resume.id : null,
      startedAt: at,
    })
    const store = await findStoreByCode(tx, STORE_CODE)
    return run && store ? { run, store } : run ? { run, store: null } : null
  })
  if (!started) return summary // another run holds the job
  const { run, store } = started
  summary.runId = run.id
  summary.resumedFrom = run.resumedFrom

  const finish = async (status: 'done' | 'interrupted' | 'failed', error: string | null): Promise<RunSummary> => {
    await deps.db.transaction(async (tx) => {
      const at = clock()
      await finishRun(tx, run.id, { status, counts: summary.counts, error }, at)
      // The latest slot stays: due-ness reads it, and this run is newer than the cut-off.
      if (status === 'done') await pruneFinishedRuns(tx, job.name, new Date(at.getTime() - KEEP_RUNS_DAYS * 86_400_000))
    })
    return { ...summary, status, error }
  }

  try {
    if (!store) throw new Error(`store '${STORE_CODE}' is not set up`)
    let cursor = run.cursor
    let chunks = 0
    const input = () => ({ asOf: run.asOf, cursor, store })
    const total = job.remaining ? await job.remaining(deps, input()) : null
    for (;;) {
      if (options.signal?.aborted) return await finish('interrupted', 'stopped before the end; the next run resumes')
      const result = await job.chunk(deps, input())
      chunks++
      cursor = result.cursor
      for (const [key, n] of Object.entries(result.counts)) summary.counts[key] = (summary.counts[key] ?? 0) + n
      const held = await deps.db.transaction((tx) => saveRunProgress(tx, run.id, cursor, summary.counts, clock()))
      // Taken over after a stall longer than the lease: the other run owns the cursor now.
      if (!held) return { ...summary, status: 'interrupted', error: 'lease lost to another run' }
      options.onProgress?.({ chunks, counts: { ...summary.counts }, total })
      if (result.done) return await finish('done', null)
    }
  } catch (error) {
    // The message only: a job's errors name tables and codes, never a member's data.
    const message = error instanceof Error ? error.message : String(error)
    console.error(`job ${job.name} failed:`, message)
    try {
      return await finish('failed', message.slice(0, 500))
    } catch {
      return { ...summary, status: 'failed', error: message }
    }
  }
}
