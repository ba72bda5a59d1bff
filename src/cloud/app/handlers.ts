import type { ApiName, ApiOutput, ApiParsedInput } from '../../contract'
import type { MemberRow } from '../db/repositories/members'
import type { StaffRow } from '../db/repositories/staff'
import type { Caller } from './caller'
import type { UseCaseContext } from './store-context'
import { getMemberCode } from './use-cases/get-member-code'
import { getMyCard } from './use-cases/get-my-card'
import { listPointsHistory } from './use-cases/list-points-history'
import { openCard } from './use-cases/open-card'
import { staffLookupMember } from './use-cases/staff-lookup-member'
import { staffRecordPurchase } from './use-cases/staff-record-purchase'
import { whoAmI } from './use-cases/who-am-i'

/**
 * The registry: for each API function, who may call it and which use case runs. `dispatch` resolves the
 * identity the access level names (any caller, the caller's card, the caller's staff row) and passes it on.
 */
type Run<N extends ApiName, Who> = (ctx: UseCaseContext, who: Who, input: ApiParsedInput<N>) => Promise<ApiOutput<N>>

export type Handler<N extends ApiName> =
  | { access: 'caller'; run: Run<N, Caller> }
  | { access: 'member'; run: Run<N, MemberRow> }
  | { access: 'staff'; run: Run<N, StaffRow> }

export const handlers: { [N in ApiName]: Handler<N> } = {
  whoAmI: { access: 'caller', run: (ctx, caller) => whoAmI(ctx, caller) },
  openCard: { access: 'caller', run: openCard },
  getMyCard: { access: 'member', run: (ctx, member) => getMyCard(ctx, member) },
  getMemberCode: { access: 'member', run: (ctx, member) => getMemberCode(ctx, member) },
  listPointsHistory: { access: 'member', run: listPointsHistory },
  staffLookupMember: { access: 'staff', run: staffLookupMember },
  staffRecordPurchase: { access: 'staff', run: staffRecordPurchase },
}
