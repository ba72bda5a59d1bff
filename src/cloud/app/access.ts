import { AppError } from '../../contract'
import { findMemberByOpenid, type MemberRow } from '../db/repositories/members'
import { findActiveStaff, type StaffRow } from '../db/repositories/staff'
import type { Caller } from './caller'
import type { Access } from './operation'
import type { UseCaseContext } from './store-context'

/**
 * Resolves the identity an operation's access level names, or refuses. Runs inside the call's transaction, so a
 * staff account deactivated a moment ago cannot still record a purchase.
 */
export async function resolveAccess(ctx: UseCaseContext, access: Access, caller: Caller): Promise<Caller | MemberRow | StaffRow> {
  if (access === 'caller') return caller
  if (access === 'member') return requireMember(ctx, caller)
  const staff = await findActiveStaff(ctx.tx, ctx.store.id, caller.openid)
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
