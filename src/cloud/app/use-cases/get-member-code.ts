import type { ApiOutput } from '../../../contract'
import { CODE_REFRESH_S, signMemberCode } from '../../../domain/member-code'
import type { MemberRow } from '../../db/repositories/members'
import type { UseCaseContext } from '../store-context'

/** A fresh signed code; the card asks again at refreshAt, the till accepts it up to codeMaxAgeS. */
export async function getMemberCode(ctx: UseCaseContext, member: MemberRow): Promise<ApiOutput<'getMemberCode'>> {
  const { code, issuedAtS } = signMemberCode(member.memberNo, ctx.now, ctx.config.memberCodeSecret)
  return {
    code,
    issuedAt: new Date(issuedAtS * 1000).toISOString(),
    refreshAt: new Date((issuedAtS + CODE_REFRESH_S) * 1000).toISOString(),
  }
}
