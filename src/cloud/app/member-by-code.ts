import { AppError } from '../../contract'
import { verifyMemberCode } from '../../domain/member-code'
import { findMemberByNo, type MemberRow } from '../db/repositories/members'
import type { UseCaseContext } from './store-context'

/** The member a scanned code names, or the precise refusal (malformed, forged, stale, not found). */
export async function memberByCode(ctx: UseCaseContext, memberCode: string): Promise<MemberRow> {
  const check = verifyMemberCode(memberCode, ctx.now, ctx.config.memberCodeSecret, ctx.config.codeMaxAgeS)
  if (!check.ok) throw new AppError(check.reason)
  const member = await findMemberByNo(ctx.tx, ctx.store.id, check.memberNo)
  // A closed card is "not found" to staff: its personal data is gone and it must not earn.
  if (!member || member.status !== 'active') throw new AppError('MEMBER_NOT_FOUND')
  return member
}
