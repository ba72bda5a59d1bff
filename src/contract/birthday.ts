import { z } from 'zod'
import { birthday } from './card'
import { noInput, text } from './fields'
import { memberCouponView } from './coupons'

/**
 * The birthday month (生日礼): the member sets a birthday once; in the birth month the store's gift (a coupon
 * valid to the month's last day, 23:59:59 store time, and optional points) is issued once a year.
 */

export const birthdayValue = z.object({ month: z.number().int(), day: z.number().int(), year: z.number().int().optional() })

export const birthdayGiftView = z.object({
  year: z.number().int(),
  issuedAt: z.string(),
  coupon: memberCouponView.nullable(),
  points: z.number().int(),
})
export type BirthdayGiftView = z.infer<typeof birthdayGiftView>

export const birthdayPageView = z.object({
  birthday: birthdayValue.nullable(),
  /** False once set: a change goes through the store. */
  canSet: z.boolean(),
  inBirthMonth: z.boolean(),
  /** The end of the birth month (store time) while in it: the countdown. */
  monthEndsAt: z.string().nullable(),
  thisYear: birthdayGiftView.nullable(),
  /** Earlier years, most recent first. */
  history: z.array(birthdayGiftView),
  /** Why there is no gift this year (set too close to the birthday, the store has no gift), or null. */
  note: z.string().nullable(),
})
export type BirthdayPageView = z.infer<typeof birthdayPageView>

export const birthdayApi = {
  /** The 生日礼 page. */
  getMyBirthday: {
    input: noInput,
    output: birthdayPageView,
  },
  /**
   * Sets the birthday, once (a second call is BIRTHDAY_LOCKED, "生日如需修改请联系门店"). Set during the birth
   * month, this year's gift comes at once, unless it was set fewer than the store's N days before the birthday.
   */
  setMyBirthday: {
    input: z.object({ birthday }).strict(),
    output: birthdayPageView,
  },
  /** A manager corrects a member's birthday (found by the till's lookup ticket), audited; a gift already issued stays. */
  staffCorrectBirthday: {
    input: z.object({ ticket: text({ label: '查询凭证', max: 200 }), birthday, reason: text({ label: '修改原因', max: 60 }) }).strict(),
    output: z.object({ birthday: birthdayValue }),
  },
} as const
