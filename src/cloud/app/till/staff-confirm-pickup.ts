import { AppError } from '../../../contract'
import { writeAudit } from '../../db/repositories/audit-log'
import { findRedemptionById, markPickedUp, pickupConfirmedBy, type RedemptionWithNames } from '../../db/repositories/mall-redemptions'
import type { StaffRow } from '../../db/repositories/staff'
import { defineOperation } from '../operation'
import { RecordedRefusal } from '../recorded-refusal'
import type { UseCaseContext } from '../store-context'
import { assertHandable, pickedUpText, pickupByCodeOrThrow, toTillPickupView } from './pickup-at-till'

/**
 * Hands a gift over, exactly once: the guarded held → picked_up (only inside its window at this instant) makes the
 * held points final. The confirm's requestId is the idempotency key (kept in the audit entry): a retry after a
 * timeout gets the first result (`repeated`); anyone else gets PICKUP_ALREADY_DONE with when and by whom, and that
 * refusal is itself recorded (committed), as a second verification of a coupon is.
 */
export const staffConfirmPickup = defineOperation({
  name: 'staffConfirmPickup',
  access: { staff: ['clerk', 'manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const { pickup, holder } = await pickupByCodeOrThrow(ctx, input.pickupCode)
    // As with coupons: a clerk does not hand a gift to themselves; a manager or admin may.
    if (holder.openid === staff.openid && staff.role === 'clerk') throw new AppError('SELF_DEALING', '店员不能为自己核销礼品，请由其他店员或店长操作')
    if (pickup.status === 'picked_up') return answerPickedUp(ctx, staff, pickup, input.requestId)
    assertHandable(ctx, pickup)
    const done = await markPickedUp(ctx.tx, pickup.id, staff.id, ctx.now)
    const after = await findRedemptionById(ctx.tx, ctx.store.id, pickup.id)
    if (!after) throw new Error('staffConfirmPickup: the redemption vanished')
    // Another clerk (or this request's own retry) won the race a moment ago, or it closed: answer as it is now.
    if (!done) {
      if (after.status === 'picked_up') return answerPickedUp(ctx, staff, after, input.requestId)
      assertHandable(ctx, after)
      throw new Error('staffConfirmPickup: the guarded update found the pick-up unusable, but it reads as usable')
    }
    await writeAudit(ctx.tx, {
      staffId: staff.id,
      action: 'mall.pickup',
      memberId: holder.id,
      detail: { redemptionId: pickup.id, requestId: input.requestId },
      createdAt: ctx.now,
    })
    return { pickup: toTillPickupView(ctx, after), repeated: false }
  },
})

/** A retry of this very confirm is answered; anyone else is refused with when and by whom, and the refusal kept. */
async function answerPickedUp(ctx: UseCaseContext, staff: Pick<StaffRow, 'id'>, pickup: RedemptionWithNames, requestId: string) {
  if (pickup.pickedUpByStaffId === staff.id && (await pickupConfirmedBy(ctx.tx, pickup, requestId))) {
    return { pickup: toTillPickupView(ctx, pickup), repeated: true }
  }
  await writeAudit(ctx.tx, {
    staffId: staff.id,
    action: 'mall.pickup_refused',
    memberId: pickup.memberId,
    detail: { redemptionId: pickup.id, requestId },
    createdAt: ctx.now,
  })
  throw new RecordedRefusal('PICKUP_ALREADY_DONE', pickedUpText(ctx, pickup))
}
