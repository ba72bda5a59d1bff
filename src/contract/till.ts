import { z } from 'zod'
import { tillPickupView } from './till-pickups'
import { doorEntryView } from './event-door'
import { couponCode, idString, MAX_PURCHASE_FEN, purchaseAmountFen, text, tierView } from './fields'

export { MAX_PURCHASE_FEN, purchaseAmountFen }
import { tillCouponView } from './till-coupons'

/**
 * The till (staff only): look a member up by their code, record a purchase. Only the staff subpackage imports
 * this file, so members never download it.
 * Limits are deliberate (TIGER_STYLE: put a limit on everything): they keep absurd input out of the database.
 */


/** A member code as shown on the card: 24 digits (member number, issue time, signature). */
export const memberCode = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{24}$/, { message: '会员码应为 24 位数字' }))

/** Upper-cased: "x1" and "X1" are the same slip of paper, so they must be the same idempotency key. */
export const receiptNo = z
  .string()
  .trim()
  .min(1, { message: '请输入小票号' })
  .max(40, { message: '小票号不能超过 40 个字符' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: '小票号只能包含字母、数字、- 和 _' })
  .transform((s) => s.toUpperCase())


/** Handed to the till by staffLookupMember: this clerk saw this member's live code a moment ago. */
export const tillTicket = text({ label: '查询凭证', max: 200 })

export const staffMemberView = z.object({
  memberNo: z.string(),
  nickname: z.string(),
  phoneMasked: z.string(),
  tier: tierView,
  pointsBalance: z.number().int(),
  growth: z.number().int(),
})
export type StaffMemberView = z.infer<typeof staffMemberView>

export const tillApi = {
  staffLookupMember: {
    input: z.object({ memberCode }).strict(),
    output: z.object({
      member: staffMemberView,
      /** The member's coupons the clerk may apply now, and the ones that do not apply yet with why (该会员有 N 张可用券). */
      coupons: z.array(tillCouponView),
      /** An unused birthday coupon: the till shows 🎂. */
      birthdayCoupon: z.boolean(),
      /** The member's tier discount the till takes off first (90 = 9折), or null when the store's POS already did. */
      tierDiscountPct: z.number().int().nullable(),
      /** Points-mall gifts waiting for pick-up, so the clerk can hand them over from here (待领取 N 件). */
      pickups: z.array(tillPickupView),
      /** The member's registrations for events whose check-in is open now, so the clerk can check them in from here. */
      eventEntries: z.array(doorEntryView),
      /**
       * Records purchases for this member by this clerk for a while (ticketExpiresAt) after the scan, so ringing
       * up a long order, or retrying after a timeout, does not fail on a member code that has since rotated.
       */
      ticket: z.string(),
      ticketExpiresAt: z.string(),
    }),
  },
  staffRecordPurchase: {
    // The member comes from the lookup's ticket (the till), a live member code (a one-step integration), or a
    // scanned coupon's code (the coupon's holder). `amountFen` is what the clerk entered: the tier discount (when
    // the store lets the till apply it) and then at most one coupon come off it; points are earned on the rest.
    input: z
      .object({
        memberCode: memberCode.optional(),
        ticket: tillTicket.optional(),
        /** A scanned coupon: verified on this purchase, and its holder is the member. */
        couponCode: couponCode.optional(),
        /** One of the looked-up member's coupons (from staffLookupMember's list), verified on this purchase. */
        couponId: idString.optional(),
        receiptNo,
        amountFen: purchaseAmountFen,
      })
      .strict()
      .superRefine((v, ctx) => {
        const members = [v.memberCode, v.ticket].filter((x) => x !== undefined).length
        if (members > 1 || (members === 0 && v.couponCode === undefined))
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['ticket'], message: '请先扫码查询会员' })
        if (v.couponCode !== undefined && v.couponId !== undefined)
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['couponId'], message: '每笔消费最多使用一张优惠券' })
        if (v.couponId !== undefined && members === 0)
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['ticket'], message: '请先扫码查询会员' })
      }),
    output: z.object({
      alreadyRecorded: z.boolean(),
      /** What was entered, the tier discount, the coupon's discount, and what was paid (never negative; ¥0 is a payment). */
      grossFen: z.number().int(),
      tierDiscountFen: z.number().int(),
      couponDiscountFen: z.number().int(),
      paidFen: z.number().int(),
      /** The coupon verified on this purchase, or null. */
      coupon: tillCouponView.nullable(),
      pointsEarned: z.number().int(),
      growthEarned: z.number().int(),
      promotedTo: tierView.nullable(),
      member: staffMemberView,
    }),
  },
} as const
