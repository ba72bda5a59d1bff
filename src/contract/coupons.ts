import { z } from 'zod'
import { CLAIM_STATES, COUPON_CHANNELS, COUPON_STATES, COUPON_VALIDITY_KINDS } from './enums'
import { couponTermsFields, idString, requestId, tierView } from './fields'

/**
 * Coupons, as a member sees them: the 领券中心 (claim centre) and 我的券包 (the wallet). Amounts are integer fen.
 * Whether a coupon can be used is decided by the server from its stored dates at the moment of the call, and
 * comes with the reason when it cannot (明天起可用, 仅限金卡, 已于 11-20 核销).
 */

export const couponState = z.enum(COUPON_STATES)
export const claimState = z.enum(CLAIM_STATES)
export const couponChannel = z.enum(COUPON_CHANNELS)

/** What a coupon gives and when it applies: copied onto each member coupon at issue. */
export const couponTermsView = z.object({
  name: z.string(),
  ...couponTermsFields,
  description: z.string().nullable(),
  /** Only members of this tier or above may use it (仅限金卡). */
  minTier: tierView.nullable(),
})
export type CouponTermsView = z.infer<typeof couponTermsView>

export const memberCouponView = couponTermsView.extend({
  id: z.string(),
  channel: couponChannel,
  validFrom: z.string(),
  validTo: z.string(),
  state: couponState,
  /** Why it cannot be used now (明天起可用 / 仅限金卡 / 已于 11-20 14:03 核销 / 已于 11-30 过期), or null. */
  reason: z.string().nullable(),
  usedAt: z.string().nullable(),
  /** The one-time code for the till (QR and digits): only in getMyCoupon, never in lists. */
  code: z.string().optional(),
})
export type MemberCouponView = z.infer<typeof memberCouponView>

export const couponValidityView = z.object({
  kind: z.enum(COUPON_VALIDITY_KINDS),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  validDays: z.number().int().nullable(),
})

export const claimableCouponView = couponTermsView.extend({
  templateId: z.string(),
  validity: couponValidityView,
  claimStartsAt: z.string().nullable(),
  claimEndsAt: z.string().nullable(),
  /** Null: unlimited. */
  remaining: z.number().int().nullable(),
  totalQuantity: z.number().int().nullable(),
  perMemberLimit: z.number().int(),
  claimedByMe: z.number().int(),
  state: claimState,
  /** For a state other than 可领: 已领 / 已抢光 / 12月1日 10:00 开抢 / 仅限金卡 / 已结束. */
  reason: z.string().nullable(),
})
export type ClaimableCouponView = z.infer<typeof claimableCouponView>

export const WALLET_TABS = ['usable', 'used', 'expired'] as const
export type WalletTab = (typeof WALLET_TABS)[number]

export const couponsApi = {
  /** The 领券中心: templates a member can claim now or soon, with their state for the caller. */
  listClaimableCoupons: {
    input: z.object({}).strict(),
    output: z.object({ coupons: z.array(claimableCouponView) }),
  },
  /**
   * Claims one coupon. The total and per-member limits are enforced by the write itself; `requestId` is made
   * once per tap, so a retry after a timeout returns the coupon the first call issued (`repeated`).
   */
  claimCoupon: {
    input: z.object({ templateId: idString, requestId }).strict(),
    output: z.object({ coupon: memberCouponView, repeated: z.boolean() }),
  },
  /**
   * The wallet, one tab at a time: 可用 (usable and not yet usable, soonest to expire first), 已使用, 已过期
   * (most recent first). Counts for the tab badges.
   */
  listMyCoupons: {
    input: z
      .object({
        tab: z.enum(WALLET_TABS).default('usable'),
        cursor: z.string().max(64).optional(),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({
      coupons: z.array(memberCouponView),
      nextCursor: z.string().nullable(),
      counts: z.object({ usable: z.number().int(), used: z.number().int(), expired: z.number().int() }),
    }),
  },
  /** One of the caller's coupons with its code (another member's id is COUPON_NOT_FOUND). */
  getMyCoupon: {
    input: z.object({ id: idString }).strict(),
    output: z.object({ coupon: memberCouponView }),
  },
} as const
