import type { AppDeps } from '../app/deps'
import { loadStoreContext } from '../app/store-context'
import { markNoShows } from '../db/repositories/event-door'
import type { ChunkInput, ChunkResult, JobDefinition } from './job'

export const NO_SHOW_CHUNK = 1_000

export async function eventNoShowsChunk(deps: AppDeps, input: ChunkInput, limit = NO_SHOW_CHUNK): Promise<ChunkResult> {
  const marked = await deps.db.transaction(async (tx) => {
    const ctx = await loadStoreContext(tx, deps.config, input.asOf)
    return markNoShows(tx, ctx.store.id, ctx.now, limit)
  })
  // Marked rows leave the set: no cursor, the next chunk starts over what is left.
  return { cursor: null, done: marked < limit, counts: { noShows: marked } }
}

/**
 * Marks the registrations still 'registered' of events that have ended (ends_at before the run's time) as
 * no-shows, in chunks of one statement each; cancelled events are skipped (their registrations were cancelled).
 * The views already treat an ended registration as past, so the job only tidies for the results. Guarded by the
 * status, so a second or resumed run changes nothing, and a manager's void after the end is picked up next time.
 */
export const eventNoShowsJob: JobDefinition = {
  name: 'eventNoShows',
  description: '活动结束后：未签到的报名记为缺席',
  schedule: '*/10 * * * *',
  wechatApis: [],
  leaseS: 10 * 60,
  chunk: (deps, input) => eventNoShowsChunk(deps, input),
}
