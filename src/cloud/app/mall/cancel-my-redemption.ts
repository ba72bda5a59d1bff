import { AppError } from '../../../contract'
import { findMemberRedemption, findRedemptionById } from '../../db/repositories/mall-redemptions'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { toRedemptionView } from './mall-views'
import { releaseRedemption } from './release'

/**
 * The member cancels a held gift: the stock and quota return and the points go back into the lots they came from
 * (those still open), once. Only the caller's own, only while held: a second cancel, a picked-up or an expired one
 * is REDEMPTION_NOT_CANCELLABLE and changes nothing.
 */
export const cancelMyRedemption = defineOperation({
  name: 'cancelMyRedemption',
  access: 'member',
  run: async (ctx, member, input) => {
    const id = rowId(input.redemptionId)
    const row = id === null ? null : await findMemberRedemption(ctx.tx, ctx.store.id, member.id, id)
    if (!row) throw new AppError('REDEMPTION_NOT_FOUND')
    if (row.status !== 'held') throw new AppError('REDEMPTION_NOT_CANCELLABLE')
    const released = await releaseRedemption(ctx, row, 'held', { status: 'cancelled', at: ctx.now, staffId: null, reason: '会员取消' })
    if (!released) throw new AppError('REDEMPTION_NOT_CANCELLABLE')
    const after = await findRedemptionById(ctx.tx, ctx.store.id, row.id)
    if (!after) throw new Error('cancelMyRedemption: the redemption vanished')
    return { redemption: toRedemptionView(after), pointsBalance: released.pointsBalance }
  },
})
