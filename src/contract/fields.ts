import { z } from 'zod'
import { COUPON_KINDS, ROLES, TIER_CODES } from './enums'

/**
 * Fields shared by more than one feature's contract. Every free-text input goes through `text()`, so the rules
 * about what a text may contain live here once (a NUL used to reach PostgreSQL and come back as INTERNAL).
 */

export const tierCode = z.enum(TIER_CODES)
export const role = z.enum(ROLES)

/** C0/C1 control characters (NUL, newline, ESC …): never part of a name or a code typed by a person. */
const CONTROL = /\p{Cc}/u
/** Bidi embeddings, overrides, isolates and marks: they make a name display as something it is not. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/
/** Unicode non-characters (U+FFFE, U+FFFF and the like). */
const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]/
/** Characters that render as nothing: with only these (and spaces) a name looks blank. */
const INVISIBLE = /[\s\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/gu

/** Why `value` is not acceptable text, or null. Exported for the fuzz test's own sanity checks. */
export function textProblem(value: string): string | null {
  if (CONTROL.test(value)) return '不能包含控制字符'
  if (hasLoneSurrogate(value)) return '包含无法识别的字符'
  if (BIDI.test(value)) return '不能包含文字方向控制字符'
  if (NONCHARACTER.test(value)) return '包含无法识别的字符'
  if (value.length > 0 && value.replace(INVISIBLE, '').length === 0) return '不能只包含空白或不可见字符'
  return null
}

/**
 * A UTF-16 surrogate half without its partner is not a character at all, and PostgreSQL refuses to store it.
 * A loop, not a regex: lookbehind would be a syntax error on older iOS JavaScript engines in the mini-program.
 */
function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true
      i++
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return true
  }
  return false
}

/**
 * Free text a person typed (a nickname, a note) or a token a platform handed over: trimmed, between `min` and
 * `max` characters (counted as characters, so an emoji is one), and free of control characters, lone
 * surrogates, bidi overrides and invisible-only content.
 */
export function text(options: { label: string; min?: number; max: number }) {
  const { label, min = 1, max } = options
  return z
    .string({ invalid_type_error: `${label}应为文字`, required_error: `请输入${label}` })
    .trim()
    .superRefine((value, ctx) => {
      const problem = textProblem(value)
      if (problem) return ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label}${problem}` })
      const length = [...value].length
      if (length < min) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `请输入${label}` })
      else if (length > max) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label}不能超过 ${max} 个字符` })
    })
}

export const tierView = z.object({
  code: tierCode,
  name: z.string(),
  minGrowth: z.number().int(),
  discountPct: z.number().int(),
})
export type TierView = z.infer<typeof tierView>

export const couponKind = z.enum(COUPON_KINDS)

/**
 * What a coupon gives and when it applies, as every coupon view shows it (the member's, the till's, the
 * console's template): one shape, spread into each feature's view so no contract file imports another's.
 */
export const couponTermsFields = {
  kind: couponKind,
  /** 满减 / 折扣: the amount payable (after the tier discount) must reach this; 0: 无门槛. */
  thresholdFen: z.number().int(),
  amountOffFen: z.number().int().nullable(),
  /** 折扣: the percentage paid, 88 = 8.8折. */
  discountPct: z.number().int().nullable(),
  /** 折扣: 最多减 ¥X. */
  maxDiscountFen: z.number().int().nullable(),
  giftName: z.string().nullable(),
}

/** The input of a function that takes none: anything else is refused (an id smuggled in, say). */
export const noInput = z.object({}).strict()

/** A client-made idempotency key: made once per tap, so a retry after a timeout repeats it. */
export const requestId = z
  .string({ required_error: '缺少请求编号' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { message: '请求编号格式不正确' })

/** An id the server handed out (a bigint, as a string). */
export const idString = z.string().regex(/^[1-9]\d{0,18}$/, { message: '编号格式不正确' })

/** A calendar date in the store's zone, as a date picker gives it: YYYY-MM-DD, a real date. */
export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number)
    const t = new Date(Date.UTC(y, m - 1, d))
    return y >= 2000 && y <= 2100 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
  }, { message: '日期不存在' })

/**
 * A coupon's one-time code: C1 (kind C = coupon, version 1) and 20 random digits. Spaces and dashes a person
 * typed are dropped and letters upper-cased, so "c1 1234-…" is the same code.
 */
export const couponCode = z
  .string()
  .transform((s) => s.replace(/[\s-]+/g, '').toUpperCase())
  .pipe(z.string().regex(/^C1\d{20}$/, { message: '无法识别的券码' }))

/** ¥100,000: above this an amount typed at the till or in the console is a typo, not a sale. */
export const MAX_PURCHASE_FEN = 100_000_00

/**
 * An amount the clerk enters, in fen (the till and the console convert typed yuan with the same limits). Shared,
 * so the console's money fields do not pull the till's contract into its subpackage.
 */
export const purchaseAmountFen = z
  .number({ invalid_type_error: '金额应为数字' })
  .int({ message: '金额应精确到分' })
  .positive({ message: '金额必须大于 0' })
  .max(MAX_PURCHASE_FEN, { message: '金额超出单笔上限 ¥100000' })

/**
 * A gift redemption's pick-up code: P1 (kind P = pick-up, version 1) and 20 random digits (≥ 64 bits from
 * crypto), normalised like a coupon code.
 */
export const pickupCode = z
  .string()
  .transform((s) => s.replace(/[\s-]+/g, '').toUpperCase())
  .pipe(z.string().regex(/^P1\d{20}$/, { message: '无法识别的领取码' }))

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/
/** A wall-clock time in the store's zone, as a date-time picker gives it: "YYYY-MM-DD HH:mm", a real date. */
export const localDateTime = z
  .string()
  .regex(LOCAL_DATE_TIME, { message: '时间格式应为 YYYY-MM-DD HH:mm' })
  .refine((s) => {
    // The regex's issue already refuses other shapes (zod still runs this refine): do not split them.
    if (!LOCAL_DATE_TIME.test(s)) return true
    const [date, time] = s.split(' ')
    const [y, m, d] = date.split('-').map(Number)
    const [h, min] = time.split(':').map(Number)
    const t = new Date(Date.UTC(y, m - 1, d))
    return y >= 2000 && y <= 2100 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && h <= 23 && min <= 59
  }, { message: '时间不存在' })

/**
 * An event ticket's code: E1 (kind E = event, version 1) and 20 random digits (≥ 64 bits from crypto), one per
 * registration, normalised like a coupon code. It names the registration, so it checks in for that event only.
 */
export const eventTicketCode = z
  .string()
  .transform((s) => s.replace(/[\s-]+/g, '').toUpperCase())
  .pipe(z.string().regex(/^E1\d{20}$/, { message: '无法识别的活动票码' }))
