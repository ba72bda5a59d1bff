import { z } from 'zod'
import { REDEMPTION_STATUSES } from './enums'
import { pickupCode, requestId, text } from './fields'
import { couponHolderView } from './till-coupons'

/**
 * Points-mall pick-ups at the till (staff only): the clerk scans the member's pick-up code (P1…) in the one
 * scanner, or picks it from the member's pending pick-ups after scanning their card, sees a preview, then
 * confirms. Two clerks at once: one success, the other sees "已核销 · 11-23 14:02 · 小王". A manager can take a
 * picked-up gift back (points refunded), audited.
 */

export const tillPickupView = z.object({
  id: z.string(),
  /** The pick-up code, so a pick-up listed from the member's card can be confirmed with it. */
  code: z.string(),
  itemName: z.string(),
  imageUrl: z.string().nullable(),
  quantity: z.number().int(),
  points: z.number().int(),
  status: z.enum(REDEMPTION_STATUSES),
  createdAt: z.string(),
  pickupExpiresAt: z.string().nullable(),
  /** Who handed it over and when, once picked up. */
  pickedUp: z.object({ at: z.string(), staffName: z.string() }).nullable(),
  /** Why it cannot be handed over now (已核销 · 11-23 14:02 · 小王 / 已过期 / 已取消), or null. */
  reason: z.string().nullable(),
})
export type TillPickupView = z.infer<typeof tillPickupView>

export const tillPickupsApi = {
  /** What a scanned pick-up code is, whose (masked) and whether it can be handed over now. Writes nothing. */
  staffPreviewPickup: {
    input: z.object({ pickupCode }).strict(),
    output: z.object({ pickup: tillPickupView, holder: couponHolderView }),
  },
  /**
   * Hands the gift over (the held points become final). `requestId` is the confirm's idempotency key: a retry
   * returns the first result (`repeated`); anyone else gets PICKUP_ALREADY_DONE with when and by whom.
   */
  staffConfirmPickup: {
    input: z.object({ pickupCode, requestId }).strict(),
    output: z.object({ pickup: tillPickupView, repeated: z.boolean() }),
  },
  /** A manager takes a picked-up gift back: the points are refunded into their lots and the stock returns. Once. */
  staffReturnPickup: {
    input: z.object({ pickupCode, reason: text({ label: '退回原因', max: 60 }) }).strict(),
    output: z.object({ pickup: tillPickupView, pointsReturned: z.number().int() }),
  },
} as const
