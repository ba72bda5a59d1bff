import { and, desc, eq, lt, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { jobRuns } from '../schema'

export type JobRunRow = typeof jobRuns.$inferSelect

/** Runs still marked running whose heartbeat is older than the lease were cut off: they become interrupted. */
export async function expireStaleRuns(tx: Tx, jobName: string, heartbeatBefore: Date, now: Date): Promise<number> {
  const rows = await tx
    .update(jobRuns)
    .set({ status: 'interrupted', finishedAt: now, error: 'cut off: no heartbeat within the lease' })
    .where(and(eq(jobRuns.jobName, jobName), eq(jobRuns.status, 'running'), lt(jobRuns.heartbeatAt, heartbeatBefore)))
    .returning({ id: jobRuns.id })
  return rows.length
}

export async function lastRun(tx: Tx, jobName: string): Promise<JobRunRow | null> {
  const rows = await tx.select().from(jobRuns).where(eq(jobRuns.jobName, jobName)).orderBy(desc(jobRuns.id)).limit(1)
  return rows[0] ?? null
}

/** The slot of the latest run that covered a schedule slot (done or not: a cut-off run is resumed, not redone). */
export async function lastScheduledSlot(tx: Tx, jobName: string): Promise<Date | null> {
  const [row] = await tx
    .select({ slot: sql<Date | string | null>`max(${jobRuns.scheduledFor})` })
    .from(jobRuns)
    .where(eq(jobRuns.jobName, jobName))
  return row?.slot ? new Date(row.slot) : null
}

export interface NewRun {
  jobName: string
  scheduledFor: Date | null
  asOf: Date
  cursor: string | null
  resumedFrom: number | null
  startedAt: Date
}

/** Starts a run, or null when one is already running (the partial unique index on job_name is the lock). */
export async function insertRunningRun(tx: Tx, run: NewRun): Promise<JobRunRow | null> {
  const rows = await tx
    .insert(jobRuns)
    .values({ ...run, status: 'running', heartbeatAt: run.startedAt })
    .onConflictDoNothing()
    .returning()
  return rows[0] ?? null
}

/** Saves progress and renews the lease; false when this run no longer holds it (taken over after a stall). */
export async function saveRunProgress(tx: Tx, runId: number, cursor: string | null, counts: Record<string, number>, now: Date): Promise<boolean> {
  const rows = await tx
    .update(jobRuns)
    .set({ cursor, counts, heartbeatAt: now })
    .where(and(eq(jobRuns.id, runId), eq(jobRuns.status, 'running')))
    .returning({ id: jobRuns.id })
  return rows.length > 0
}

export async function finishRun(
  tx: Tx,
  runId: number,
  outcome: { status: 'done' | 'interrupted' | 'failed'; counts: Record<string, number>; error: string | null },
  now: Date,
): Promise<void> {
  await tx
    .update(jobRuns)
    .set({ status: outcome.status, counts: outcome.counts, error: outcome.error, finishedAt: now, heartbeatAt: now })
    .where(and(eq(jobRuns.id, runId), eq(jobRuns.status, 'running')))
}

/** Forgets finished runs of a job older than `before` (a job running every minute would otherwise pile up rows). */
export async function pruneFinishedRuns(tx: Tx, jobName: string, before: Date): Promise<number> {
  const rows = await tx
    .delete(jobRuns)
    .where(and(eq(jobRuns.jobName, jobName), eq(jobRuns.status, 'done'), lt(jobRuns.startedAt, before)))
    .returning({ id: jobRuns.id })
  return rows.length
}
