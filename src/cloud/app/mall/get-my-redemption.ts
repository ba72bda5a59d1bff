import { AppError } from '../../../contract'
import { findMemberRedemption } from '../../db/repositories/mall-redemptions'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { toRedemptionView } from './mall-views'

/** One of the caller's redemptions, with its pick-up code while held. Another member's is simply not found. */
export const getMyRedemption = defineOperation({
  name: 'getMyRedemption',
  access: 'member',
  run: async (ctx, member, input) => {
    const id = rowId(input.redemptionId)
    const row = id === null ? null : await findMemberRedemption(ctx.tx, ctx.store.id, member.id, id)
    if (!row) throw new AppError('REDEMPTION_NOT_FOUND')
    return { redemption: toRedemptionView(row, { withCode: true }) }
  },
})
