import { z } from 'zod'
import { COUPON_CHANNELS, COUPON_KINDS, COUPON_TEMPLATE_STATUSES, COUPON_VALIDITY_KINDS } from './enums'
import { couponTermsFields, idString, localDate, requestId, text, tierCode } from './fields'

/**
 * Coupon templates (the manager console): what a coupon gives, when it can be claimed and used, how many, for
 * whom and how members get it. Dates are calendar dates in the store's zone: a window runs from 00:00:00 on its
 * first day to 23:59:59 on its last. Editing never touches claimed or used counts; a member's coupon keeps the
 * terms it was issued with.
 */

const MAX_FEN = 100_000_00 // ¥100,000, as the till's limit

const fen = (label: string) =>
  z
    .number({ invalid_type_error: `${label}应为数字` })
    .int({ message: `${label}应精确到分` })
    .min(0, { message: `${label}不能为负数` })
    .max(MAX_FEN, { message: `${label}超出上限 ¥100000` })

export const couponValidityInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), from: localDate, to: localDate }).strict(),
  z.object({ kind: z.literal('days'), days: z.number().int().min(1, { message: '有效天数至少 1 天' }).max(3650, { message: '有效天数最多 3650 天' }) }).strict(),
])

export const couponTemplateInput = z
  .object({
    name: text({ label: '券名称', max: 20 }),
    kind: z.enum(COUPON_KINDS),
    thresholdFen: fen('使用门槛').default(0),
    amountOffFen: fen('减免金额').positive({ message: '减免金额必须大于 0' }).optional(),
    discountPct: z.number().int().min(1, { message: '折扣应在 0.1 折到 9.9 折之间' }).max(99, { message: '折扣应在 0.1 折到 9.9 折之间' }).optional(),
    maxDiscountFen: fen('最多减').positive({ message: '最多减必须大于 0' }).optional(),
    giftName: text({ label: '兑换礼品', max: 30 }).optional(),
    description: text({ label: '使用说明', max: 200 }).optional(),
    validity: couponValidityInput,
    claimFrom: localDate.optional(),
    claimTo: localDate.optional(),
    /** Null: unlimited. */
    totalQuantity: z.number().int().min(1, { message: '发放总量至少 1 张' }).max(10_000_000).nullable(),
    perMemberLimit: z.number().int().min(1, { message: '每人限领至少 1 张' }).max(100, { message: '每人限领最多 100 张' }),
    minTierCode: tierCode.nullable(),
    channel: z.enum(COUPON_CHANNELS),
    /** Birthday templates: the tier this gift is for; null for every tier without its own. */
    birthdayTierCode: tierCode.nullable().default(null),
  })
  .strict()
  .superRefine((t, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message })
    if (t.kind === 'amount_off' && t.amountOffFen === undefined) issue('amountOffFen', '请输入减免金额')
    if (t.kind === 'amount_off' && t.amountOffFen !== undefined && t.thresholdFen > 0 && t.amountOffFen > t.thresholdFen)
      issue('amountOffFen', '减免金额不能大于使用门槛')
    if (t.kind === 'percent_off' && t.discountPct === undefined) issue('discountPct', '请输入折扣')
    if (t.kind === 'gift' && t.giftName === undefined) issue('giftName', '请输入兑换礼品')
    if (t.kind !== 'amount_off' && t.amountOffFen !== undefined) issue('amountOffFen', '只有满减券可设置减免金额')
    if (t.kind !== 'percent_off' && (t.discountPct !== undefined || t.maxDiscountFen !== undefined)) issue('discountPct', '只有折扣券可设置折扣')
    if (t.kind === 'gift' && t.thresholdFen > 0) issue('thresholdFen', '兑换券没有使用门槛')
    if (t.validity.kind === 'fixed' && t.validity.to < t.validity.from) issue('validity', '结束日期不能早于开始日期')
    if (t.claimFrom && t.claimTo && t.claimTo < t.claimFrom) issue('claimTo', '领取结束日期不能早于开始日期')
    // A coupon that can still be claimed after it can no longer be used is a trap (CRMEB refuses this too).
    if (t.validity.kind === 'fixed' && t.claimTo && t.validity.to < t.claimTo) issue('validity', '使用结束日期不能早于领取结束日期')
    if (t.channel !== 'claim' && (t.claimFrom || t.claimTo)) issue('claimFrom', '只有领券中心的券可设置领取时间')
    if (t.channel !== 'birthday' && t.birthdayTierCode !== null) issue('birthdayTierCode', '只有生日券可按等级设置')
    if (t.channel === 'birthday' && t.validity.kind !== 'days') issue('validity', '生日券的有效期固定为生日当月，请选择“领取后有效”')
  })
export type CouponTemplateInput = z.input<typeof couponTemplateInput>

export const couponTemplateView = z.object({
  id: z.string(),
  name: z.string(),
  ...couponTermsFields,
  description: z.string().nullable(),
  validity: z.object({
    kind: z.enum(COUPON_VALIDITY_KINDS),
    /** Store-zone calendar dates for a fixed window. */
    from: z.string().nullable(),
    to: z.string().nullable(),
    days: z.number().int().nullable(),
  }),
  claimFrom: z.string().nullable(),
  claimTo: z.string().nullable(),
  totalQuantity: z.number().int().nullable(),
  claimedCount: z.number().int(),
  usedCount: z.number().int(),
  perMemberLimit: z.number().int(),
  minTierCode: tierCode.nullable(),
  channel: z.enum(COUPON_CHANNELS),
  birthdayTierCode: tierCode.nullable(),
  status: z.enum(COUPON_TEMPLATE_STATUSES),
  updatedAt: z.string(),
})
export type CouponTemplateView = z.infer<typeof couponTemplateView>

export const couponTemplatesApi = {
  listCouponTemplates: {
    input: z.object({ status: z.enum(COUPON_TEMPLATE_STATUSES).optional() }).strict(),
    output: z.object({ templates: z.array(couponTemplateView) }),
  },
  /** Creates a template; `requestId` makes a retried save create one. */
  createCouponTemplate: {
    input: z.object({ requestId, template: couponTemplateInput }).strict(),
    output: z.object({ template: couponTemplateView, repeated: z.boolean() }),
  },
  /** Replaces a template's settings; counts are kept, and a total below what is already claimed is refused. */
  updateCouponTemplate: {
    input: z.object({ id: idString, template: couponTemplateInput }).strict(),
    output: z.object({ template: couponTemplateView }),
  },
  /** Stops (or resumes) new claims and issues; coupons already held are untouched. */
  setCouponTemplateStatus: {
    input: z.object({ id: idString, status: z.enum(COUPON_TEMPLATE_STATUSES) }).strict(),
    output: z.object({ template: couponTemplateView }),
  },
} as const
