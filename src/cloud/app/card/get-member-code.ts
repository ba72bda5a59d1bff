import { CODE_REFRESH_S, signMemberCode } from '../../../domain/member-code'
import { defineOperation } from '../operation'

/** A fresh signed code; the card asks again at refreshAt, the till accepts it up to codeMaxAgeS. */
export const getMemberCode = defineOperation({
  name: 'getMemberCode',
  access: 'member',
  run: async (ctx, member) => {
    const { code, issuedAtS } = signMemberCode(member.memberNo, ctx.now, ctx.config.memberCodeSecret)
    return {
      code,
      issuedAt: new Date(issuedAtS * 1000).toISOString(),
      refreshAt: new Date((issuedAtS + CODE_REFRESH_S) * 1000).toISOString(),
    }
  },
})
