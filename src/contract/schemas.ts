import { z } from 'zod'

/**
 * Input and output shapes of every API function, shared by the client and the cloud functions.
 * Limits are deliberate (TIGER_STYLE: put a limit on everything): they keep absurd input out of the database.
 */

export const MAX_PURCHASE_FEN = 100_000_00 // ¥100,000: above this a till entry is a typo, not a sale

export const tierCode = z.enum(['normal', 'silver', 'gold', 'diamond'])
export type TierCode = z.infer<typeof tierCode>

export const role = z.enum(['member', 'clerk', 'manager', 'admin'])
export type Role = z.infer<typeof role>

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

/** Amount actually paid, in fen; the till converts the clerk's yuan with the same limits. */
export const purchaseAmountFen = z
  .number({ invalid_type_error: '金额应为数字' })
  .int({ message: '金额应精确到分' })
  .positive({ message: '金额必须大于 0' })
  .max(MAX_PURCHASE_FEN, { message: '金额超出单笔上限 ¥100000' })

/** Handed to the till by staffLookupMember: this clerk saw this member's live code a moment ago. */
export const tillTicket = z.string().trim().min(1, { message: '请先扫码查询会员' }).max(200)

// ---------- outputs ----------

export const tierView = z.object({
  code: tierCode,
  name: z.string(),
  minGrowth: z.number().int(),
  discountPct: z.number().int(),
})
export type TierView = z.infer<typeof tierView>

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
  pointsBalance: z.number().int(),
  growth: z.number().int(),
  openedAt: z.string(),
  storeName: z.string(),
})
export type CardView = z.infer<typeof cardView>

export const ledgerReason = z.enum(['earn', 'redeem', 'refund', 'expire', 'birthday', 'referral', 'event', 'adjust'])
export type LedgerReason = z.infer<typeof ledgerReason>

export const ledgerEntryView = z.object({
  id: z.string(),
  reason: ledgerReason,
  delta: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  /** Earn entries from a purchase: the amount paid, in fen ("消费 ¥128.50"). */
  amountFen: z.number().int().optional(),
})
export type LedgerEntryView = z.infer<typeof ledgerEntryView>

export const staffMemberView = z.object({
  memberNo: z.string(),
  nickname: z.string(),
  phoneMasked: z.string(),
  tier: tierView,
  pointsBalance: z.number().int(),
  growth: z.number().int(),
})
export type StaffMemberView = z.infer<typeof staffMemberView>

// ---------- the functions ----------

export const api = {
  /** Who is calling: role and whether they already hold a card. Never fails for a known identity. */
  whoAmI: {
    input: z.object({}).strict(),
    output: z.object({
      role: role,
      hasCard: z.boolean(),
      nickname: z.string().nullable(),
      staffName: z.string().nullable(),
    }),
  },
  openCard: {
    // The phone comes either typed (H5, or a WeChat account that cannot use the phone button) or as the one-time
    // code from WeChat's getPhoneNumber button, which only the server can exchange for the number.
    input: z
      .object({
        nickname: z.string().trim().min(1, { message: '请输入昵称' }).max(20, { message: '昵称不能超过 20 个字符' }),
        phone: phone.optional(),
        phoneCode: z.string().trim().min(1).max(128, { message: '授权码过长' }).optional(),
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
    input: z.object({}).strict(),
    output: z.object({ card: cardView }),
  },
  getMemberCode: {
    input: z.object({}).strict(),
    output: z.object({
      code: z.string(),
      issuedAt: z.string(),
      /** The client refreshes before this; the server accepts a code for a while longer. */
      refreshAt: z.string(),
    }),
  },
  listPointsHistory: {
    input: z
      .object({
        cursor: z.string().regex(/^\d{1,19}$/).optional(),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({
      entries: z.array(ledgerEntryView),
      nextCursor: z.string().nullable(),
      /** The balance now, read in the same transaction as the entries (the header of 积分明细). */
      pointsBalance: z.number().int().optional(),
    }),
  },
  staffLookupMember: {
    input: z.object({ memberCode }).strict(),
    output: z.object({
      member: staffMemberView,
      /**
       * Records purchases for this member by this clerk for a while (ticketExpiresAt) after the scan, so ringing
       * up a long order, or retrying after a timeout, does not fail on a member code that has since rotated.
       */
      ticket: z.string(),
      ticketExpiresAt: z.string(),
    }),
  },
  staffRecordPurchase: {
    // The member comes from the lookup's ticket (the till) or a live member code (a one-step integration).
    input: z
      .object({
        memberCode: memberCode.optional(),
        ticket: tillTicket.optional(),
        receiptNo,
        amountFen: purchaseAmountFen,
      })
      .strict()
      .superRefine((v, ctx) => {
        if ((v.memberCode === undefined) === (v.ticket === undefined))
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['ticket'], message: '请先扫码查询会员' })
      }),
    output: z.object({
      alreadyRecorded: z.boolean(),
      pointsEarned: z.number().int(),
      growthEarned: z.number().int(),
      promotedTo: tierView.nullable(),
      member: staffMemberView,
    }),
  },
} as const

export type ApiName = keyof typeof api
export type ApiInput<N extends ApiName> = z.input<(typeof api)[N]['input']>
export type ApiParsedInput<N extends ApiName> = z.output<(typeof api)[N]['input']>
export type ApiOutput<N extends ApiName> = z.infer<(typeof api)[N]['output']>

export function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(api, name)
}

/** Dev login (gateway only, refused in production): pick a demo identity. */
export const devLoginInput = z
  .object({
    as: z.enum(['member', 'clerk', 'manager', 'visitor']),
  })
  .strict()
export const devLoginOutput = z.object({ token: z.string(), role: role, label: z.string() })
