import type { ApiOutput } from '../../../contract'
import { findMemberByOpenid } from '../../db/repositories/members'
import { findActiveStaff } from '../../db/repositories/staff'
import type { Caller } from '../caller'
import type { UseCaseContext } from '../store-context'

/** Never fails for a known identity: an unknown openid is a member-to-be without a card. */
export async function whoAmI(ctx: UseCaseContext, caller: Caller): Promise<ApiOutput<'whoAmI'>> {
  const staff = await findActiveStaff(ctx.tx, ctx.store.id, caller.openid)
  const member = await findMemberByOpenid(ctx.tx, ctx.store.id, caller.openid)
  const hasCard = member?.status === 'active'
  return {
    role: staff?.role ?? 'member',
    hasCard,
    nickname: hasCard ? member.nickname : null,
    staffName: staff?.name ?? null,
  }
}
