import { z } from 'zod'
import { MALL_ITEM_KINDS, MALL_ITEM_STATUSES, MALL_LIMIT_PERIODS, REDEMPTION_STATUSES, STAFF_NOTICE_KINDS } from './enums'
import { idString, localDate, requestId, text, tierCode, tierView } from './fields'

/**
 * The points mall in the manager console: items (picture, kind, price, stock, limits, windows, tier), stop sale,
 * the redemptions with their states, pictures, and the managers' notices (low stock). Dates are calendar dates in
 * the store's zone: a window runs from 00:00:00 on its first day to 23:59:59 on its last. The stock a manager sets
 * is the total made available: raising it during sales adds exactly the difference; it can never go below what
 * has been redeemed.
 */

export const mallItemInput = z
  .object({
    kind: z.enum(MALL_ITEM_KINDS),
    name: text({ label: '商品名称', max: 30 }),
    description: text({ label: '商品说明', max: 500 }).optional(),
    /** From uploadMallImage; null or absent: the placeholder picture. */
    imageKey: z.string().regex(/^[\w./:-]{1,300}$/, { message: '图片无效，请重新上传' }).nullable().optional(),
    pointsPrice: z.number({ invalid_type_error: '积分应为数字' }).int({ message: '积分应为整数' }).min(1, { message: '所需积分至少 1' }).max(10_000_000, { message: '所需积分过大' }),
    /** coupon items: a 'mall' coupon template. */
    couponTemplateId: idString.optional(),
    stockTotal: z.number({ invalid_type_error: '库存应为数字' }).int({ message: '库存应为整数' }).min(0, { message: '库存不能为负数' }).max(10_000_000, { message: '库存过大' }),
    /** Null: no per-member limit. */
    perMemberLimit: z.number().int().min(1, { message: '每人限兑至少 1 件' }).max(999, { message: '每人限兑最多 999 件' }).nullable(),
    limitPeriod: z.enum(MALL_LIMIT_PERIODS).default('total'),
    maxPerRedemption: z.number().int().min(1, { message: '单次兑换至少 1 件' }).max(99, { message: '单次兑换最多 99 件' }).default(1),
    /** Shown from (may be earlier than redeemFrom: "12月1日开兑"). */
    visibleFrom: localDate.optional(),
    redeemFrom: localDate.optional(),
    redeemUntil: localDate.optional(),
    minTierCode: tierCode.nullable(),
    sortOrder: z.number().int().min(0).max(9999).default(0),
  })
  .strict()
  .superRefine((t, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message })
    if (t.kind === 'coupon' && t.couponTemplateId === undefined) issue('couponTemplateId', '请选择要兑换的优惠券')
    if (t.kind === 'gift' && t.couponTemplateId !== undefined) issue('couponTemplateId', '礼品不需要选择优惠券')
    if (t.redeemFrom && t.redeemUntil && t.redeemUntil < t.redeemFrom) issue('redeemUntil', '兑换结束日期不能早于开始日期')
    if (t.visibleFrom && t.redeemFrom && t.visibleFrom > t.redeemFrom) issue('visibleFrom', '展示日期不能晚于开兑日期')
    if (t.perMemberLimit !== null && t.maxPerRedemption > t.perMemberLimit) issue('maxPerRedemption', '单次兑换数量不能超过每人限兑')
  })
export type MallItemInput = z.input<typeof mallItemInput>

export const adminMallItemView = z.object({
  id: z.string(),
  kind: z.enum(MALL_ITEM_KINDS),
  name: z.string(),
  description: z.string().nullable(),
  imageKey: z.string().nullable(),
  imageUrl: z.string().nullable(),
  pointsPrice: z.number().int(),
  couponTemplateId: z.string().nullable(),
  couponTemplateName: z.string().nullable(),
  stockTotal: z.number().int(),
  redeemedCount: z.number().int(),
  stockLeft: z.number().int(),
  lowStock: z.boolean(),
  perMemberLimit: z.number().int().nullable(),
  limitPeriod: z.enum(MALL_LIMIT_PERIODS),
  maxPerRedemption: z.number().int(),
  /** As entered (store-zone dates), so the editor shows them back. */
  visibleFrom: z.string().nullable(),
  redeemFrom: z.string().nullable(),
  redeemUntil: z.string().nullable(),
  minTier: tierView.nullable(),
  status: z.enum(MALL_ITEM_STATUSES),
  sortOrder: z.number().int(),
  /** Gifts waiting for pick-up. */
  heldCount: z.number().int(),
  updatedAt: z.string(),
})
export type AdminMallItemView = z.infer<typeof adminMallItemView>

export const adminRedemptionView = z.object({
  id: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  kind: z.enum(MALL_ITEM_KINDS),
  quantity: z.number().int(),
  points: z.number().int(),
  status: z.enum(REDEMPTION_STATUSES),
  /** The member, masked (a phone never leaves the server in clear). */
  member: z.object({ memberNo: z.string(), nickname: z.string(), phoneMasked: z.string() }),
  createdAt: z.string(),
  pickupExpiresAt: z.string().nullable(),
  pickedUp: z.object({ at: z.string(), staffName: z.string() }).nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  pointsReturned: z.number().int().nullable(),
})
export type AdminRedemptionView = z.infer<typeof adminRedemptionView>

export const staffNoticeView = z.object({
  id: z.string(),
  kind: z.enum(STAFF_NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
})

export const MALL_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
/** The client compresses to this before uploading; the server refuses anything larger. */
export const MALL_IMAGE_MAX_BYTES = 200 * 1024

export const mallItemsApi = {
  listMallItemsAdmin: {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(adminMallItemView) }),
  },
  /** `requestId` is made once per save: a retried save finds the item it made (`repeated`). */
  createMallItem: {
    input: z.object({ item: mallItemInput, requestId }).strict(),
    output: z.object({ item: adminMallItemView, repeated: z.boolean() }),
  },
  /** Everything but the counts; a stock total below what has been redeemed: MALL_STOCK_BELOW_REDEEMED. */
  updateMallItem: {
    input: z.object({ itemId: idString, item: mallItemInput }).strict(),
    output: z.object({ item: adminMallItemView }),
  },
  /** Stop sale (下架) or put back on sale; redemptions already made are untouched. */
  setMallItemStatus: {
    input: z.object({ itemId: idString, status: z.enum(MALL_ITEM_STATUSES) }).strict(),
    output: z.object({ item: adminMallItemView }),
  },
  listMallRedemptions: {
    input: z
      .object({
        status: z.enum(REDEMPTION_STATUSES).optional(),
        itemId: idString.optional(),
        cursor: z.string().regex(/^\d{1,19}$/).optional(),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ redemptions: z.array(adminRedemptionView), nextCursor: z.string().nullable() }),
  },
  /**
   * A picture for an item, compressed by the client to ≤ 200 KB; the server checks its type by its bytes and its
   * size, and stores it through the storage port (cloud storage on WeChat, the data folder locally).
   */
  uploadMallImage: {
    input: z
      .object({
        contentType: z.enum(MALL_IMAGE_TYPES, { errorMap: () => ({ message: '图片格式不支持，请上传 JPG、PNG 或 WebP 图片' }) }),
        /** Base64 of the bytes; 200 KB is at most 273,068 characters. */
        dataBase64: z.string().max(Math.ceil(MALL_IMAGE_MAX_BYTES / 3) * 4 + 4, { message: '图片不能超过 200 KB' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: '图片数据无效' }),
      })
      .strict(),
    output: z.object({ imageKey: z.string(), imageUrl: z.string() }),
  },
  /** The managers' notices (low stock …), newest first, and how many are unread. */
  listStaffNotices: {
    input: z.object({}).strict(),
    output: z.object({ notices: z.array(staffNoticeView), unread: z.number().int() }),
  },
  markStaffNoticesRead: {
    input: z.object({}).strict(),
    output: z.object({ marked: z.number().int() }),
  },
} as const
