import { Cron } from 'croner'
import type { AppDeps } from '../app/deps'
import { STORE_CODE } from '../app/store-context'
import { findStoreByCode } from '../db/repositories/stores'
import type { JobDefinition, RunSummary } from './job'
import { runDueJobs } from './run-due-jobs'
import { runJob } from './run-job'

export interface Scheduler {
  /** Run a job now, without waiting (the gateway kicks delivery after a call queued notifications). */
  kick(name: string): void
  stop(): Promise<void>
}

/**
 * The gateway's scheduler while `npm start` is up: one croner timer per job, on the job's schedule in the store's
 * time zone; each tick runs what is due (so a tick and a kick, or two processes, never run a job twice for one
 * slot). A kick during a run queues one more run after it, so nothing queued meanwhile waits for the next tick.
 */
export async function startScheduler(deps: AppDeps, jobs: readonly JobDefinition[], log: (line: string) => void = console.log): Promise<Scheduler> {
  const store = await deps.db.transaction((tx) => findStoreByCode(tx, STORE_CODE))
  const timeZone = store?.timezone ?? deps.config.timezone
  const running = new Map<string, Promise<void>>()
  const again = new Set<string>()
  const byName = new Map(jobs.map((j) => [j.name, j]))

  const report = (summaries: RunSummary[]) => {
    for (const s of summaries) {
      const worth = s.status !== 'done' || Object.values(s.counts).some((n) => n > 0)
      if (worth) log(`[任务] ${s.job}: ${s.status} ${JSON.stringify(s.counts)}${s.error ? ` ${s.error}` : ''}`)
    }
  }
  const launch = (job: JobDefinition, how: 'tick' | 'kick') => {
    if (running.has(job.name)) {
      if (how === 'kick') again.add(job.name)
      return
    }
    const now = deps.now?.() ?? new Date()
    const work = (how === 'tick' ? runDueJobs(deps, [job], now) : runJob(deps, job, now).then((s) => [s]))
      .then(report)
      .catch((error) => log(`[任务] ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running.delete(job.name)
        if (again.delete(job.name)) launch(job, 'kick')
      })
    running.set(job.name, work)
  }

  const timers = jobs.map((job) => new Cron(job.schedule, { timezone: timeZone, protect: true }, () => launch(job, 'tick')))
  return {
    kick(name) {
      const job = byName.get(name)
      if (job) launch(job, 'kick')
    },
    async stop() {
      for (const t of timers) t.stop()
      again.clear()
      await Promise.all(running.values())
    },
  }
}
