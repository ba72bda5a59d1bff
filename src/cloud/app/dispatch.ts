import { AppError, api, zodIssuesToFields, type ApiResult } from '../../contract'
import { describeError } from '../db/loggable-error'
import { prefetchStaff, resolveAccess } from './access'
import type { Caller } from './caller'
import type { AppDeps } from './deps'
import { RecordedRefusal } from './recorded-refusal'
import { findOperation } from './registry'
import { storeCacheFor } from './store-cache'
import { loadStoreContext, type UseCaseContext } from './store-context'

/**
 * The one entry for every API call (cloud functions and the gateway): name → input → identity → operation.
 * Never throws: failures come back as `{ ok: false, error }` with a code and a Chinese message; anything
 * unexpected is logged here and reported as INTERNAL without details.
 */
export async function dispatch(name: string, rawInput: unknown, caller: Caller | null, deps: AppDeps): Promise<ApiResult<unknown>> {
  try {
    const operation = findOperation(name)
    if (!operation) throw new AppError('UNKNOWN_FUNCTION')
    const contract = api[operation.name]
    const parsed = contract.input.safeParse(rawInput ?? {})
    if (!parsed.success) throw new AppError('BAD_INPUT', undefined, zodIssuesToFields(parsed.error))
    if (!caller || !caller.openid) throw new AppError('UNAUTHENTICATED')
    const input = operation.prepare ? await operation.prepare(parsed.data, deps) : parsed.data
    const now = deps.now?.() ?? new Date()
    let effects: UseCaseContext['effects'] | undefined
    const outcome = await retryingConflicts(() => deps.db.transaction(async (tx): Promise<{ data: unknown } | { refusal: RecordedRefusal }> => {
      // The identity check and the use case see the same data: both inside this one transaction. A staff call
      // reads its staff row with the store's config_version (one round trip for both).
      const prefetched = await prefetchStaff(tx, operation.access, caller)
      const ctx = await loadStoreContext(tx, deps.config, now, storeCacheFor(deps.db), prefetched?.configVersion)
      effects = ctx.effects
      const who = await resolveAccess(ctx, operation.access, caller, prefetched)
      try {
        // Output through the contract too, before commit: it drops anything internal (row ids, ciphertexts) a
        // view might let through, and an answer that fails it rolls the work back instead of reporting INTERNAL
        // for a purchase that was in fact credited.
        return { data: contract.output.parse(await operation.run(ctx, who as never, input)) }
      } catch (error) {
        // A refusal that is itself a record (a forged code counted): commit, then refuse.
        if (error instanceof RecordedRefusal) return { refusal: error }
        throw error
      }
    }))
    if (effects && effects.notificationsQueued > 0) afterCommit(deps)
    if ('refusal' in outcome) return { ok: false, error: outcome.refusal.toBody() }
    return { ok: true, data: outcome.data }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody() }
    console.error(`dispatch ${name} failed:`, describeError(error))
    return { ok: false, error: new AppError('INTERNAL').toBody() }
  }
}

/** PostgreSQL's deadlock and serialization failures: the transaction was rolled back whole and may simply run again. */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001'])
const MAX_CONFLICT_ATTEMPTS = 3

/**
 * Runs a transaction again when PostgreSQL picked it as a deadlock victim. Two use cases that lock two members
 * in opposite orders (A cancels and promotes B on one event while B cancels and promotes A on another) can
 * deadlock; the database aborts one, nothing of it was written, and its second run finds the other committed.
 */
async function retryingConflicts<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= MAX_CONFLICT_ATTEMPTS || !isRetryableConflict(error)) throw error
    }
  }
}

function isRetryableConflict(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && RETRYABLE_SQLSTATES.has(code)) return true
  }
  return false
}

/** Committed notifications: tell whoever delivers them, without making the caller wait or fail. */
function afterCommit(deps: AppDeps): void {
  try {
    deps.onNotificationsQueued?.()
  } catch (error) {
    console.error('onNotificationsQueued failed:', error)
  }
}
