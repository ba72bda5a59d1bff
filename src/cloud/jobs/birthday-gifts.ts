import { birthMonthEnd } from '../../domain/birthday/birth-month'
import { localDateOf } from '../../domain/local-time'
import { issueBirthdayGifts } from '../app/birthday/issue-gifts'
import type { AppDeps } from '../app/deps'
import { loadStoreContext } from '../app/store-context'
import { countBirthdayCandidates } from '../db/repositories/birthday-gifts'
import type { ChunkInput, ChunkResult, JobDefinition } from './job'

export const BIRTHDAY_CHUNK = 5_000

/**
 * Issues this year's birthday gift to every active member in their birth month (store time) who has none yet,
 * one transaction per chunk of members (keyset by id). The condition is "in the birth month and not yet gifted
 * this year", so a run after missed days catches up by itself, and a second or concurrent run gives nothing
 * twice (birthday_gifts' unique member+year). A member whose month ended while the job was down does not get
 * last month's gift: the gift belongs to the month, and a coupon valid to an end already past would be useless.
 * A run resumed after its month ended (its `asOf` is kept) stops instead of issuing last month's gifts late.
 */
export async function birthdayGiftsChunk(deps: AppDeps, input: ChunkInput, limit = BIRTHDAY_CHUNK): Promise<ChunkResult> {
  const now = deps.now?.() ?? new Date()
  const asOf = localDateOf(input.asOf, input.store.timezone)
  if (now > birthMonthEnd(asOf.year, asOf.month, input.store.timezone)) return { cursor: input.cursor, done: true, counts: { staleMonth: 1 } }
  const run = await deps.db.transaction(async (tx) => {
    const ctx = await loadStoreContext(tx, deps.config, input.asOf)
    return issueBirthdayGifts(ctx, { afterId: input.cursor === null ? null : Number(input.cursor), limit })
  })
  return {
    cursor: run.lastId === null ? input.cursor : String(run.lastId),
    done: run.scanned < limit,
    counts: { scanned: run.scanned, gifted: run.gifted, coupons: run.coupons, soldOut: run.soldOut },
  }
}

export const birthdayGiftsJob: JobDefinition = {
  name: 'birthdayGifts',
  description: '生日月会员发放生日礼（券和积分，每人每年一次）',
  // Just after midnight store time: the gift is there from the 1st; its WeChat message waits for 09:00.
  schedule: '5 0 * * *',
  wechatApis: [],
  leaseS: 10 * 60,
  chunk: (deps, input) => birthdayGiftsChunk(deps, input),
  remaining: (deps, input) => {
    const at = localDateOf(input.asOf, input.store.timezone)
    return deps.db.transaction((tx) => countBirthdayCandidates(tx, input.store.id, at.month, at.year))
  },
}
