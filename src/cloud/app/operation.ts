import type { ApiName, ApiOutput, ApiParsedInput, StaffRole } from '../../contract'
import type { FunctionGroup } from '../../contract/groups'
import type { MemberRow } from '../db/repositories/members'
import type { StaffRow } from '../db/repositories/staff'
import type { Caller } from './caller'
import type { AppDeps } from './deps'
import type { UseCaseContext } from './store-context'
import type { WechatApi } from './wechat-apis'

/**
 * Who may call an operation:
 *  - 'caller': anyone WeChat (or the session token) identifies, card or not;
 *  - 'member': the caller's own active card, passed to `run`;
 *  - { staff: [...] }: an active staff row of one of these roles, passed to `run`.
 * Checked by dispatch inside the call's transaction, so a role removed a moment ago no longer works.
 * Every operation's access is listed in src/cloud/app/access-matrix.test.ts.
 */
export type Access = 'caller' | 'member' | { staff: readonly StaffRole[] }

type Who<A extends Access> = A extends 'caller' ? Caller : A extends 'member' ? MemberRow : StaffRow

type Run<N extends ApiName, A extends Access, In> = (ctx: UseCaseContext, who: Who<A>, input: In) => Promise<ApiOutput<N>>

/** An operation as the registry and dispatch hold it (types relaxed: the contract has checked the input). */
export interface Operation {
  name: ApiName
  access: Access
  /** Runs before the transaction opens: calls to WeChat that must not hold a database connection. */
  prepare?: (input: unknown, deps: AppDeps) => Promise<unknown>
  run: (ctx: UseCaseContext, who: never, input: unknown) => Promise<unknown>
  wechatApis: readonly WechatApi[]
  /** The WeChat cloud function that serves it (build:cloud makes one function per group). */
  group: FunctionGroup
}

interface Definition<N extends ApiName, A extends Access> {
  /** The contract's name: also the `op` a cloud-function call names and the HTTP path's. */
  name: N
  access: A
  wechatApis?: readonly WechatApi[]
  /** Only to override the group its access implies (see groupFor), e.g. 'console' for back-office tools. */
  group?: FunctionGroup
}

/**
 * The cloud function an operation belongs to: its own `group`, or by audience: anyone identified and members
 * call 'member', staff of any role call 'staff'. Grouping by audience keeps a member's cold start from loading
 * (or being able to reach) staff code paths, and bounds the number of functions WeChat must host.
 */
export function groupFor(op: { access: Access; group?: FunctionGroup }): FunctionGroup {
  if (op.group) return op.group
  return typeof op.access === 'string' ? 'member' : 'staff'
}

/**
 * Declares one operation beside its use case. `run` gets the contract's parsed input, or what `prepare` made
 * of it, and the identity its access level names.
 */
export function defineOperation<N extends ApiName, A extends Access, P = ApiParsedInput<N>>(
  op: Definition<N, A> & { prepare?: (input: ApiParsedInput<N>, deps: AppDeps) => Promise<P>; run: Run<N, A, P> },
): Operation {
  return { ...op, wechatApis: op.wechatApis ?? [], group: groupFor(op) } as unknown as Operation
}
