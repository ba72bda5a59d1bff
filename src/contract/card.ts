import { z } from 'zod'
import { noInput, text, tierView } from './fields'

/** The membership card: open it, show it, show its rotating code. */

/** Mainland mobile number, 11 digits starting with 1. */
// Two checks, first failure shown: a wrong length and a wrong prefix deserve different words.
export const phone = z
  .string()
  .trim()
  .regex(/^\d{11}$/, { message: '请输入 11 位手机号' })
  .regex(/^1[3-9]/, { message: '手机号应以 13-19 开头' })

export const birthday = z
  .object({
    month: z.number().int().min(1, { message: '月份应为 1-12' }).max(12, { message: '月份应为 1-12' }),
    day: z.number().int().min(1, { message: '日期应为 1-31' }).max(31, { message: '日期应为 1-31' }),
    year: z.number().int().min(1900, { message: '年份不正确' }).max(2100, { message: '年份不正确' }).optional(),
  })
  .strict()
  .refine((b) => isRealDate(b.year ?? 2000, b.month, b.day), { message: '日期不存在', path: ['day'] })

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

export const cardView = z.object({
  memberNo: z.string(),
  nickname: z.string(),
  phoneMasked: z.string(),
  birthday: z.object({ month: z.number(), day: z.number(), year: z.number().optional() }).nullable(),
  tier: tierView,
  nextTier: tierView.nullable(),
  /** Growth still needed for the next tier. */
  growthToNext: z.number().int().nullable(),
  /** What that growth costs at the till, by the store's growth-per-yuan setting ("再消费 ¥X 升级"). */
  spendToNextFen: z.number().int().nullable(),
  /** Usable now: points past their expiry are not counted, even before the year-end job has run. */
  pointsBalance: z.number().int(),
  /**
   * The points expiring soonest ("860 分将于 2026-12-31 过期"), or null when none expire. In November and December
   * (`countdown`) the card shows the countdown with up to three mall items the usable points buy now (a redemption
   * spends the oldest lots first, so any of them uses the expiring points).
   */
  pointsExpiry: z
    .object({
      points: z.number().int(),
      lastDay: z.string(),
      daysLeft: z.number().int(),
      countdown: z.boolean(),
      items: z.array(z.object({ id: z.string(), name: z.string(), pointsPrice: z.number().int(), imageUrl: z.string().nullable() })),
    })
    .nullable(),
  growth: z.number().int(),
  openedAt: z.string(),
  storeName: z.string(),
  /** Coupons usable now (the card's 券包 entry). */
  usableCouponCount: z.number().int(),
  /** During the birth month: the 生日快乐 state, with this year's gift coupon one tap away (null until issued). */
  birthdayMonth: z
    .object({ couponId: z.string().nullable(), couponState: z.enum(['usable', 'not_yet', 'used', 'expired']).nullable() })
    .nullable(),
})
export type CardView = z.infer<typeof cardView>

export const cardApi = {
  openCard: {
    // The phone comes either typed (H5, or a WeChat account that cannot use the phone button) or as the one-time
    // code from WeChat's getPhoneNumber button, which only the server can exchange for the number.
    input: z
      .object({
        nickname: text({ label: '昵称', max: 20 }),
        phone: phone.optional(),
        phoneCode: text({ label: '授权码', max: 128 }).optional(),
        birthday: birthday.optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.phone === undefined && v.phoneCode === undefined)
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['phone'], message: '请输入手机号' })
        if (v.phone !== undefined && v.phoneCode !== undefined)
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['phone'], message: '手机号与微信授权只需一种' })
      }),
    output: z.object({ card: cardView, created: z.boolean() }),
  },
  getMyCard: {
    input: noInput,
    output: z.object({ card: cardView }),
  },
  getMemberCode: {
    input: noInput,
    output: z.object({
      code: z.string(),
      issuedAt: z.string(),
      /** The client refreshes before this; the server accepts a code for a while longer. */
      refreshAt: z.string(),
    }),
  },
} as const
