import { AppError } from '../../../contract'
import { writeAudit } from '../../db/repositories/audit-log'
import { findRedemptionById } from '../../db/repositories/mall-redemptions'
import { releaseRedemption } from '../mall/release'
import { defineOperation } from '../operation'
import { pickupByCodeOrThrow, toTillPickupView } from './pickup-at-till'

/**
 * A manager takes a picked-up gift back: picked_up → returned once, the stock and quota return, and the points
 * the debit took come back into their lots (those still open). Audited with the reason.
 */
export const staffReturnPickup = defineOperation({
  name: 'staffReturnPickup',
  access: { staff: ['manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const { pickup, holder } = await pickupByCodeOrThrow(ctx, input.pickupCode)
    if (pickup.status !== 'picked_up') throw new AppError('REDEMPTION_NOT_RETURNABLE')
    const released = await releaseRedemption(ctx, pickup, 'picked_up', { status: 'returned', at: ctx.now, staffId: staff.id, reason: input.reason })
    if (!released) throw new AppError('REDEMPTION_NOT_RETURNABLE')
    await writeAudit(ctx.tx, {
      staffId: staff.id,
      action: 'mall.pickup_return',
      memberId: holder.id,
      detail: { redemptionId: pickup.id, reason: input.reason, pointsReturned: released.pointsReturned },
      createdAt: ctx.now,
    })
    const after = await findRedemptionById(ctx.tx, ctx.store.id, pickup.id)
    if (!after) throw new Error('staffReturnPickup: the redemption vanished')
    return { pickup: toTillPickupView(ctx, after), pointsReturned: released.pointsReturned }
  },
})
