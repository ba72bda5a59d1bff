import { z } from 'zod'
import { MALL_ITEM_KINDS, MALL_ITEM_STATES, MALL_LIMIT_PERIODS, REDEMPTION_STATUSES } from './enums'
import { idString, requestId, tierView } from './fields'
import { couponTermsView } from './coupons'

/**
 * The points mall (积分商城) as a member sees it: items with their state for the caller (可兑 / 差 X 分 / 已兑完 /
 * 12月1日开兑 / 已结束 / 仅限金卡 / 已达上限), redemption, and 我的兑换 with the pick-up code. Every state and limit is
 * decided by the server at the moment of the call from the stored rules; redeeming enforces them by its writes.
 */

export const mallItemState = z.enum(MALL_ITEM_STATES)
export const redemptionStatus = z.enum(REDEMPTION_STATUSES)

/** The caller's points as the mall shows them on top (the usable balance, and what expires soonest). */
export const mallBalanceView = z.object({
  /** Usable now (points already past their expiry are not counted, even before the year-end job). */
  points: z.number().int(),
  /** The soonest expiry of the member's points: "860 分将于 2026-12-31 过期"; null when none expire. */
  expiring: z.object({ points: z.number().int(), lastDay: z.string() }).nullable(),
  /** The store's points per yuan, for "再消费 ¥X 即可兑换". */
  pointsPerYuan: z.number().int(),
})
export type MallBalanceView = z.infer<typeof mallBalanceView>

export const mallItemView = z.object({
  id: z.string(),
  kind: z.enum(MALL_ITEM_KINDS),
  name: z.string(),
  /** A URL the page can show (a cloud fileID on WeChat, /files/… locally), or null for the placeholder. */
  imageUrl: z.string().nullable(),
  pointsPrice: z.number().int(),
  /** Units left (stock_total − redeemed). */
  stockLeft: z.number().int(),
  /** Low stock ("仅剩 3 件") when at or below the store's threshold. */
  lowStock: z.boolean(),
  redeemFrom: z.string().nullable(),
  redeemUntil: z.string().nullable(),
  minTier: tierView.nullable(),
  perMemberLimit: z.number().int().nullable(),
  limitPeriod: z.enum(MALL_LIMIT_PERIODS),
  maxPerRedemption: z.number().int(),
  /** Units the caller holds in the current limit period (held, picked up or delivered). */
  redeemedByMe: z.number().int(),
  state: mallItemState,
  /** For any state but 可兑: 差 120 分 / 已兑完 / 12月1日 10:00 开兑 / 已结束 / 仅限金卡 / 每人限兑 1 件. */
  reason: z.string().nullable(),
  /** Points still missing for one unit (0 when affordable). */
  shortBy: z.number().int(),
  /** What spending that shortfall takes at the till, by the store's points rate ("再消费 ¥X 即可兑换"); null when 0. */
  spendToAffordFen: z.number().int().nullable(),
  /** Coupon items: what the coupon gives. */
  coupon: couponTermsView.nullable(),
})
export type MallItemView = z.infer<typeof mallItemView>

export const redemptionView = z.object({
  id: z.string(),
  itemId: z.string(),
  kind: z.enum(MALL_ITEM_KINDS),
  itemName: z.string(),
  imageUrl: z.string().nullable(),
  quantity: z.number().int(),
  points: z.number().int(),
  status: redemptionStatus,
  createdAt: z.string(),
  /** Gifts: pick up before this instant (the last day's 23:59:59 store time is just before it). */
  pickupExpiresAt: z.string().nullable(),
  pickedUpAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  pointsReturned: z.number().int().nullable(),
  /** Coupon items: the coupon delivered to the wallet. */
  couponId: z.string().nullable(),
  /** The pick-up code (P1 + 20 digits; QR and digits): only in getMyRedemption, and only while held. */
  pickupCode: z.string().optional(),
  /** Whether the member may cancel it now (a held gift). */
  cancellable: z.boolean(),
})
export type RedemptionView = z.infer<typeof redemptionView>

/** 1 … the item's per-redemption maximum (checked by the server); 0, −1, 1.5 and "1e9" are refused here. */
export const redemptionQuantity = z
  .number({ invalid_type_error: '数量应为数字' })
  .int({ message: '数量应为整数' })
  .min(1, { message: '数量至少为 1' })
  .max(99, { message: '单次最多兑换 99 件' })

export const REDEMPTION_TABS = ['held', 'done', 'closed'] as const
export type RedemptionTab = (typeof REDEMPTION_TABS)[number]

export const mallApi = {
  /** The catalogue for the caller: items on sale and visible now, with their state; and the caller's points. */
  listMallItems: {
    input: z.object({}).strict(),
    output: z.object({ balance: mallBalanceView, items: z.array(mallItemView) }),
  },
  getMallItem: {
    input: z.object({ itemId: idString }).strict(),
    output: z.object({ balance: mallBalanceView, item: mallItemView, description: z.string().nullable() }),
  },
  /**
   * Redeems in one transaction: stock, the per-member limit and the points (held by a 'redeem' debit) are all
   * enforced by writes. `requestId` is made once per tap: a retry after a timeout returns the first result
   * (`repeated`). Refusals: MALL_SOLD_OUT 已兑完, MALL_LIMIT_REACHED 每人限兑 N 件, POINTS_INSUFFICIENT 积分不足 (差 X 分),
   * MALL_NOT_STARTED, MALL_ENDED, MALL_TIER_LOCKED 仅限金卡, MALL_QUANTITY_TOO_LARGE.
   */
  redeemMallItem: {
    input: z.object({ itemId: idString, quantity: redemptionQuantity, requestId }).strict(),
    output: z.object({ redemption: redemptionView, pointsBalance: z.number().int(), repeated: z.boolean() }),
  },
  /** 我的兑换, one tab at a time (待领取 / 已完成 / 已取消·已过期), newest first; keyset cursor. */
  listMyRedemptions: {
    input: z
      .object({
        tab: z.enum(REDEMPTION_TABS),
        cursor: z.string().regex(/^\d{1,19}$/).optional(),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: z.object({ redemptions: z.array(redemptionView), nextCursor: z.string().nullable() }),
  },
  /** One of the caller's redemptions, with its pick-up code while held. Another member's: REDEMPTION_NOT_FOUND. */
  getMyRedemption: {
    input: z.object({ redemptionId: idString }).strict(),
    output: z.object({ redemption: redemptionView }),
  },
  /** Cancels a held gift: the points go back into the lots they came from and the stock returns, once. */
  cancelMyRedemption: {
    input: z.object({ redemptionId: idString }).strict(),
    output: z.object({ redemption: redemptionView, pointsBalance: z.number().int() }),
  },
} as const
