import { writeAudit } from '../../db/repositories/audit-log'
import { defineOperation } from '../operation'
import { pickupByCodeOrThrow, pickupHolderView, toTillPickupView } from './pickup-at-till'

/**
 * The scan of a pick-up code: the gift, whose (masked), and whether it can be handed over now or why not
 * (已核销 · 11-23 14:02 · 小王 / 已过期 / 已取消). A staff read of a member's data: audited. Writes nothing else.
 */
export const staffPreviewPickup = defineOperation({
  name: 'staffPreviewPickup',
  access: { staff: ['clerk', 'manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const { pickup, holder } = await pickupByCodeOrThrow(ctx, input.pickupCode)
    await writeAudit(ctx.tx, { staffId: staff.id, action: 'mall.pickup_preview', memberId: holder.id, detail: { redemptionId: pickup.id }, createdAt: ctx.now })
    return { pickup: toTillPickupView(ctx, pickup), holder: pickupHolderView(ctx, holder) }
  },
})
