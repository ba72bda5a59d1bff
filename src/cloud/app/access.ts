import { AppError } from '../../contract'
import { findMemberByOpenid, type MemberRow } from '../db/repositories/members'
import { findActiveStaff, type StaffRow } from '../db/repositories/staff'
import type { Caller } from './caller'
import type { UseCaseContext } from './store-context'

/**
 * Who may call what. Checked inside the use case's transaction, so a staff account deactivated a moment
 * ago cannot still record a purchase.
 */
export type Access = 'caller' | 'member' | 'staff'

/** The caller's own active card, or NOT_A_MEMBER / MEMBER_CLOSED. */
export async function requireMember(ctx: UseCaseContext, caller: Caller): Promise<MemberRow> {
  const member = await findMemberByOpenid(ctx.tx, ctx.store.id, caller.openid)
  if (!member) throw new AppError('NOT_A_MEMBER')
  if (member.status !== 'active') throw new AppError('MEMBER_CLOSED')
  return member
}

/** An active staff row (clerk, manager or admin) for this store, or FORBIDDEN. */
export async function requireStaff(ctx: UseCaseContext, caller: Caller): Promise<StaffRow> {
  const staff = await findActiveStaff(ctx.tx, ctx.store.id, caller.openid)
  if (!staff) throw new AppError('FORBIDDEN')
  return staff
}
