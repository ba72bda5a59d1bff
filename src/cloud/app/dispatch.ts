import { AppError, api, isApiName, zodIssuesToFields, type ApiResult } from '../../contract'
import type { AppConfig } from '../config'
import type { Db } from '../db'
import { describeError } from '../db/loggable-error'
import { requireMember, requireStaff } from './access'
import type { Caller } from './caller'
import type { MemberRow } from '../db/repositories/members'
import type { StaffRow } from '../db/repositories/staff'
import { handlers } from './handlers'
import { loadStoreContext, type UseCaseContext } from './store-context'
import type { WechatOpenApi } from './wechat-phone'

export interface AppDeps {
  db: Db
  config: AppConfig
  /** Injected in tests; the real clock otherwise. */
  now?: () => Date
  /** WeChat's server API, present in cloud functions only (the browser gateway has no WeChat behind it). */
  wechat?: WechatOpenApi
}

/**
 * The one entry for every API call (cloud functions and the gateway): name → input → identity → use case.
 * Never throws: failures come back as `{ ok: false, error }` with a code and a Chinese message; anything
 * unexpected is logged here and reported as INTERNAL without details.
 */
export async function dispatch(name: string, rawInput: unknown, caller: Caller | null, deps: AppDeps): Promise<ApiResult<unknown>> {
  try {
    if (!isApiName(name)) throw new AppError('UNKNOWN_FUNCTION')
    const parsed = api[name].input.safeParse(rawInput ?? {})
    if (!parsed.success) throw new AppError('BAD_INPUT', undefined, zodIssuesToFields(parsed.error))
    if (!caller || !caller.openid) throw new AppError('UNAUTHENTICATED')
    const handler = handlers[name] as unknown as CheckedHandler
    const input = handler.prepare ? await handler.prepare(parsed.data, deps) : parsed.data
    const now = deps.now?.() ?? new Date()
    const data = await deps.db.transaction(async (tx) => {
      const ctx = await loadStoreContext(tx, deps.config, now)
      // Output through the contract too, before commit: it drops anything internal (row ids, ciphertexts) a view
      // might let through, and an answer that fails it rolls the work back instead of reporting INTERNAL for a
      // purchase that was in fact credited.
      return api[name].output.parse(await runHandler(handler, ctx, caller, input))
    })
    return { ok: true, data }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody() }
    console.error(`dispatch ${name} failed:`, describeError(error))
    return { ok: false, error: new AppError('INTERNAL').toBody() }
  }
}

/** Input already checked against api[name].input, so the registry's precise types can be relaxed here. */
type CheckedHandler = { prepare?: (input: unknown, deps: AppDeps) => Promise<unknown> } & (
  | { access: 'caller'; run: (ctx: UseCaseContext, who: Caller, input: unknown) => Promise<unknown> }
  | { access: 'member'; run: (ctx: UseCaseContext, who: MemberRow, input: unknown) => Promise<unknown> }
  | { access: 'staff'; run: (ctx: UseCaseContext, who: StaffRow, input: unknown) => Promise<unknown> }
)

/** Runs inside the call's one transaction: the identity check and the use case see the same data. */
async function runHandler(handler: CheckedHandler, ctx: UseCaseContext, caller: Caller, input: unknown): Promise<unknown> {
  switch (handler.access) {
    case 'caller':
      return handler.run(ctx, caller, input)
    case 'member':
      return handler.run(ctx, await requireMember(ctx, caller), input)
    case 'staff':
      return handler.run(ctx, await requireStaff(ctx, caller), input)
  }
}
