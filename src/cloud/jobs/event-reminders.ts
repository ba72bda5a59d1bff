import { CHECK_IN_OPENS_BEFORE_MS } from '../../domain/events/event-rules'
import type { AppDeps } from '../app/deps'
import { queueEventReminders } from '../app/event-publishing/event-notices'
import { loadStoreContext } from '../app/store-context'
import { findEventsStartingBetween } from '../db/repositories/event-catalog'
import type { ChunkInput, ChunkResult, JobDefinition } from './job'

export const EVENT_REMINDER_CHUNK = 20
/** Members are reminded from this long before the start (when the door opens too). */
export const EVENT_REMINDER_BEFORE_MS = CHECK_IN_OPENS_BEFORE_MS

/**
 * 「活动即将开始」: every registered member of an event starting within the next 2 hours (not started, not
 * cancelled) is told once per registration (the dedupe key), so the run every 5 minutes queues each reminder
 * once, and a member promoted from the waitlist late is still reminded by the next run. Waitlisted and cancelled
 * registrations get none. The WeChat copy waits for the end of the quiet hours. A chunk of events per transaction,
 * keyset by id; each event's reminders are one statement.
 */
export async function eventRemindersChunk(deps: AppDeps, input: ChunkInput, limit = EVENT_REMINDER_CHUNK): Promise<ChunkResult> {
  const run = await deps.db.transaction(async (tx) => {
    const ctx = await loadStoreContext(tx, deps.config, input.asOf)
    const until = new Date(ctx.now.getTime() + EVENT_REMINDER_BEFORE_MS)
    const afterId = input.cursor === null ? 0 : Number(input.cursor)
    const found = await findEventsStartingBetween(tx, { storeId: ctx.store.id, from: ctx.now, until, afterId, limit })
    let queued = 0
    for (const event of found) queued += await queueEventReminders(ctx, event)
    return { found: found.length, lastId: found.length ? found[found.length - 1].id : null, queued }
  })
  return {
    cursor: run.lastId === null ? input.cursor : String(run.lastId),
    done: run.found < limit,
    counts: { events: run.found, reminded: run.queued },
  }
}

export const eventRemindersJob: JobDefinition = {
  name: 'eventReminders',
  description: '活动开始前 2 小时提醒已报名会员',
  schedule: '*/5 * * * *',
  wechatApis: [],
  leaseS: 10 * 60,
  chunk: (deps, input) => eventRemindersChunk(deps, input),
}
