import type { AppDeps } from '../app/deps'
import { queuePublishNotice } from '../app/event-publishing/event-notices'
import { loadStoreContext } from '../app/store-context'
import { findDueScheduledEvents, publishScheduled } from '../db/repositories/event-catalog'
import type { ChunkInput, ChunkResult, JobDefinition } from './job'

export const EVENT_PUBLISHING_CHUNK = 5

/**
 * Scheduled events whose publish time has come go out: published (from their publish time) and, when the manager
 * asked, the 「新活动」 notice queued to every member who may sign up, in the same transaction as the status change.
 * Idempotent: the status guard and notice_queued_at make a second run (or one resumed after a cut-off) change and
 * queue nothing twice; due events are locked SKIP LOCKED, so two runs at once share them. A few events per chunk:
 * each fan-out is one statement, however many members.
 */
export async function eventPublishingChunk(deps: AppDeps, input: ChunkInput, limit = EVENT_PUBLISHING_CHUNK): Promise<ChunkResult> {
  const run = await deps.db.transaction(async (tx) => {
    const ctx = await loadStoreContext(tx, deps.config, input.asOf)
    const due = await findDueScheduledEvents(tx, ctx.store.id, ctx.now, limit)
    let published = 0
    let queued = 0
    for (const event of due) {
      const row = await publishScheduled(tx, event.id, ctx.now)
      if (!row) continue
      published++
      if (row.notifyOnPublish && row.noticeQueuedAt === null) queued += await queuePublishNotice(ctx, row)
    }
    return { found: due.length, published, queued }
  })
  return { cursor: null, done: run.found < limit, counts: { published: run.published, notified: run.queued } }
}

export const eventPublishingJob: JobDefinition = {
  name: 'eventPublishing',
  description: '定时发布活动（到点发布并通知会员）',
  schedule: '* * * * *',
  wechatApis: [],
  leaseS: 10 * 60,
  chunk: (deps, input) => eventPublishingChunk(deps, input),
}
