import { findMemberByOpenid } from '../../db/repositories/members'
import { findActiveStaff } from '../../db/repositories/staff'
import { defineOperation } from '../operation'

/** Never fails for a known identity: an unknown openid is a member-to-be without a card. */
export const whoAmI = defineOperation({
  name: 'whoAmI',
  access: 'caller',
  run: async (ctx, caller) => {
    const staff = await findActiveStaff(ctx.tx, ctx.store.id, caller.openid)
    const member = await findMemberByOpenid(ctx.tx, ctx.store.id, caller.openid)
    const hasCard = member?.status === 'active'
    return {
      role: staff?.role ?? 'member',
      hasCard,
      nickname: hasCard ? member.nickname : null,
      staffName: staff?.name ?? null,
    }
  },
})
