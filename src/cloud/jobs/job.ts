import type { AppDeps } from '../app/deps'
import type { WechatApi } from '../app/wechat-apis'
import type { StoreRow } from '../db/repositories/stores'

/** What one chunk did. `cursor` is where the next chunk starts; `done` ends the run. */
export interface ChunkResult {
  cursor: string | null
  done: boolean
  /** Added to the run's counts (processed, sent, skipped …). */
  counts: Record<string, number>
}

export interface ChunkInput {
  /** The time the job computes with: the run's `now`, kept by a resumed run. */
  asOf: Date
  cursor: string | null
  store: StoreRow
}

/**
 * A scheduled job. Each chunk is set-based SQL over a bounded number of rows and idempotent (re-doing a chunk
 * after a cut-off changes nothing), so a run can stop after any chunk and the next run resumes at its cursor.
 */
export interface JobDefinition {
  name: string
  description: string
  /** 5- or 6-field cron, read in the store's time zone (never the server's: cloud functions run in UTC). */
  schedule: string
  /** WeChat server APIs the job calls: the jobs cloud function's config.json permissions. */
  wechatApis: readonly WechatApi[]
  /** A running run without a heartbeat for this long was cut off; the next run takes over. */
  leaseS: number
  chunk(deps: AppDeps, input: ChunkInput): Promise<ChunkResult>
  /** Rows left, for a progress bar; optional. */
  remaining?(deps: AppDeps, input: ChunkInput): Promise<number>
}

export interface RunProgress {
  chunks: number
  counts: Record<string, number>
  /** Rows left when the run started, when the job can tell. */
  total: number | null
}

export interface RunOptions {
  onProgress?: (progress: RunProgress) => void
  /** Stops the run after the current chunk; it is recorded as interrupted and resumed by the next run. */
  signal?: AbortSignal
  /** The schedule slot this run covers; none for a run started by hand. */
  scheduledFor?: Date | null
}

export type RunStatus = 'done' | 'interrupted' | 'failed' | 'busy'

export interface RunSummary {
  job: string
  status: RunStatus
  runId: number | null
  resumedFrom: number | null
  counts: Record<string, number>
  error: string | null
}
