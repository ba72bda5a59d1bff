import { AppError } from '../../../contract'
import { verifyMemberCode } from '../../../domain/member-code'
import { verifyTillTicket } from '../../../domain/till-ticket'
import { findMemberByNo, findMemberByNoForUpdate, type MemberRow } from '../../db/repositories/members'
import type { StaffRow } from '../../db/repositories/staff'
import type { UseCaseContext } from '../store-context'
import { assertUnderForgedCodeLimit, refuseForgedCode } from './forged-code-limit'

/**
 * The member a scanned code names, or the precise refusal (malformed, forged, stale, not found). Forged codes
 * count towards the staff member's limit (forged-code-limit.ts), checked before the code is even looked at.
 */
/** `lock`: a purchase locks the member row (credit-purchase.ts builds its one write on the totals read here). */
export interface MemberLookup {
  lock?: boolean
}

export async function memberByCode(ctx: UseCaseContext, memberCode: string, staff: StaffRow, options: MemberLookup = {}): Promise<MemberRow> {
  assertUnderForgedCodeLimit(ctx, staff)
  const check = verifyMemberCode(memberCode, ctx.now, ctx.config.memberCodeSecret, ctx.config.codeMaxAgeS)
  if (!check.ok && check.reason === 'CODE_FORGED') return refuseForgedCode(ctx, staff)
  if (!check.ok) throw new AppError(check.reason)
  return activeMember(ctx, check.memberNo, options)
}

/** The member a till ticket names, for the clerk it was issued to. */
export async function memberByTicket(ctx: UseCaseContext, ticket: string, staffId: number, options: MemberLookup = {}): Promise<MemberRow> {
  const check = verifyTillTicket(ticket, staffId, ctx.now, ctx.config.memberCodeSecret)
  if (!check.ok) throw new AppError(check.reason)
  return activeMember(ctx, check.memberNo, options)
}

async function activeMember(ctx: UseCaseContext, memberNo: string, options: MemberLookup): Promise<MemberRow> {
  const find = options.lock ? findMemberByNoForUpdate : findMemberByNo
  const member = await find(ctx.tx, ctx.store.id, memberNo)
  // A closed card is "not found" to staff: its personal data is gone and it must not earn.
  if (!member || member.status !== 'active') throw new AppError('MEMBER_NOT_FOUND')
  return member
}
