import type { ApiName, ApiOutput, ApiParsedInput } from '../../contract'
import type { MemberRow } from '../db/repositories/members'
import type { StaffRow } from '../db/repositories/staff'
import type { Caller } from './caller'
import type { AppDeps } from './dispatch'
import type { UseCaseContext } from './store-context'
import { getMemberCode } from './use-cases/get-member-code'
import { getMyCard } from './use-cases/get-my-card'
import { listPointsHistory } from './use-cases/list-points-history'
import { openCard } from './use-cases/open-card'
import { staffLookupMember } from './use-cases/staff-lookup-member'
import { staffRecordPurchase } from './use-cases/staff-record-purchase'
import { whoAmI } from './use-cases/who-am-i'
import { resolveOpenCardPhone, type OpenCardInput } from './wechat-phone'

/**
 * The registry: for each API function, who may call it and which use case runs. `dispatch` resolves the
 * identity the access level names (any caller, the caller's card, the caller's staff row) and passes it on.
 */
type Run<N extends ApiName, Who, In> = (ctx: UseCaseContext, who: Who, input: In) => Promise<ApiOutput<N>>

export type Handler<N extends ApiName, In = ApiParsedInput<N>> = {
  /** Runs before the transaction opens: calls to WeChat that must not hold a database connection. */
  prepare?: (input: ApiParsedInput<N>, deps: AppDeps) => Promise<In>
} & ({ access: 'caller'; run: Run<N, Caller, In> } | { access: 'member'; run: Run<N, MemberRow, In> } | { access: 'staff'; run: Run<N, StaffRow, In> })

/** What a use case receives: the contract's parsed input, or what `prepare` made of it. */
type PreparedInput<N extends ApiName> = N extends 'openCard' ? OpenCardInput : ApiParsedInput<N>

export const handlers: { [N in ApiName]: Handler<N, PreparedInput<N>> } = {
  whoAmI: { access: 'caller', run: (ctx, caller) => whoAmI(ctx, caller) },
  openCard: { access: 'caller', prepare: (input, deps) => resolveOpenCardPhone(input, deps.wechat), run: openCard },
  getMyCard: { access: 'member', run: (ctx, member) => getMyCard(ctx, member) },
  getMemberCode: { access: 'member', run: (ctx, member) => getMemberCode(ctx, member) },
  listPointsHistory: { access: 'member', run: listPointsHistory },
  staffLookupMember: { access: 'staff', run: staffLookupMember },
  staffRecordPurchase: { access: 'staff', run: staffRecordPurchase },
}
