import { AppError } from '../../contract'
import type { Tx } from '../db'
import { findMemberByOpenid, type MemberRow } from '../db/repositories/members'
import { findActiveStaff, findStoreVersionAndActiveStaff, type StaffRow } from '../db/repositories/staff'
import type { Caller } from './caller'
import type { Access } from './operation'
import { STORE_CODE, type UseCaseContext } from './store-context'

/** What a staff call reads before its store context: the store's config_version and the caller's staff row. */
export interface StaffPrefetch {
  configVersion: number | null
  staff: StaffRow | null
}

/**
 * A staff operation's identity and the store's config_version in one round trip, read first in the call's
 * transaction: the store cache then needs no read of its own, and resolveAccess none either. Undefined for
 * other access levels (their identity needs the store context first).
 */
export async function prefetchStaff(tx: Tx, access: Access, caller: Caller): Promise<StaffPrefetch | undefined> {
  if (typeof access === 'string') return undefined
  return findStoreVersionAndActiveStaff(tx, STORE_CODE, caller.openid)
}

/**
 * Resolves the identity an operation's access level names, or refuses. Runs inside the call's transaction, so a
 * staff account deactivated a moment ago cannot still record a purchase.
 */
export async function resolveAccess(ctx: UseCaseContext, access: Access, caller: Caller, prefetched?: StaffPrefetch): Promise<Caller | MemberRow | StaffRow> {
  if (access === 'caller') return caller
  if (access === 'member') return requireMember(ctx, caller)
  // Read in this transaction by prefetchStaff, joined on the store's code: the staff of ctx.store.
  const staff = prefetched ? prefetched.staff : await findActiveStaff(ctx.tx, ctx.store.id, caller.openid)
  if (!staff || !access.staff.includes(staff.role)) throw new AppError('FORBIDDEN')
  return staff
}

/** The caller's own active card, or NOT_A_MEMBER / MEMBER_CLOSED. */
async function requireMember(ctx: UseCaseContext, caller: Caller): Promise<MemberRow> {
  const member = await findMemberByOpenid(ctx.tx, ctx.store.id, caller.openid)
  if (!member) throw new AppError('NOT_A_MEMBER')
  if (member.status !== 'active') throw new AppError('MEMBER_CLOSED')
  return member
}
