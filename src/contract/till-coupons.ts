import { z } from 'zod'
import { COUPON_STATES } from './enums'
import { couponCode, couponTermsFields, idString, requestId, text, tierView } from './fields'

/**
 * Coupons at the till (staff only, like till.ts): preview a scanned coupon, verify it once (核销), void a
 * verification (manager), grant a coupon (manager). Verification follows WeChat's own card model: query, then
 * consume with an idempotency key; a second clerk sees "已核销" with when and by whom.
 */

export const tillCouponView = z.object({
  id: z.string(),
  name: z.string(),
  ...couponTermsFields,
  minTier: tierView.nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  state: z.enum(COUPON_STATES),
  /** Why it cannot be used now (明天起可用 / 仅限金卡 / 已核销 · 11-20 14:03 · 王芳 / 已于 11-30 过期), or null. */
  reason: z.string().nullable(),
  birthday: z.boolean(),
})
export type TillCouponView = z.infer<typeof tillCouponView>

/** Who verified a coupon, for the "已核销" answer. */
export const verificationView = z.object({
  at: z.string(),
  staffName: z.string(),
  receiptNo: z.string().nullable(),
  discountFen: z.number().int(),
})
export type VerificationView = z.infer<typeof verificationView>

/** The holder, masked: enough for the clerk to match the person in front of them, nothing more. */
export const couponHolderView = z.object({
  nickname: z.string(),
  phoneMasked: z.string(),
  memberNo: z.string(),
  tier: tierView,
})

export const tillCouponsApi = {
  /** The scan of a coupon's code: what it is, whose, and whether it can be used now, or why not. Writes nothing but the audit. */
  staffPreviewCoupon: {
    input: z.object({ couponCode }).strict(),
    output: z.object({
      coupon: tillCouponView,
      holder: couponHolderView,
      verification: verificationView.nullable(),
      /** The holder's tier discount the till takes off first, or null when the store's POS already did. */
      tierDiscountPct: z.number().int().nullable(),
    }),
  },
  /**
   * Verifies a coupon without a purchase (a 兑换 gift, or a coupon settled outside the till). `requestId` is the
   * confirm's idempotency key: a retry after a timeout returns the first result (`repeated`); anyone else gets
   * COUPON_ALREADY_USED with when and by whom.
   */
  staffVerifyCoupon: {
    input: z.object({ couponCode, requestId }).strict(),
    output: z.object({ coupon: tillCouponView, verification: verificationView, repeated: z.boolean() }),
  },
  /**
   * A manager voids a verification within the store's window, with a reason: the coupon is usable again, or
   * expired when its end has passed. Never twice. A verification made on a purchase is reversed by refunding
   * the purchase instead.
   */
  staffVoidCouponVerification: {
    input: z.object({ couponCode, reason: text({ label: '撤销原因', max: 60 }) }).strict(),
    output: z.object({ coupon: tillCouponView }),
  },
  /** A manager gives a member (found by the till's lookup ticket) a coupon from a 'grant' template. */
  staffGrantCoupon: {
    input: z.object({ ticket: text({ label: '查询凭证', max: 200 }), templateId: idString, requestId }).strict(),
    output: z.object({ coupon: tillCouponView, repeated: z.boolean() }),
  },
} as const
