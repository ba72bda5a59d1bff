import { randomBytes } from 'node:crypto'
import { AppError } from '../../../contract'
import { tierLock } from '../../../domain/coupons/state'
import { limitText, periodKey } from '../../../domain/mall/item-state'
import { newPickupCode } from '../../../domain/mall/pickup-code'
import { pickupExpiresAt } from '../../../domain/mall/pickup-window'
import { claimLowStockNotice, findMallItem, takeMallStock, type MallItemRow } from '../../db/repositories/mall-items'
import { takeQuota } from '../../db/repositories/mall-quota'
import { findRedemptionByRequestKey, insertRedemption, setRedemptionCoupon } from '../../db/repositories/mall-redemptions'
import { lockMemberForIssue } from '../../db/repositories/member-coupons'
import type { MemberRow } from '../../db/repositories/members'
import { postPoints } from '../../db/repositories/points-ledger'
import { readPointsOutlook } from '../../db/repositories/points-lots'
import { queueStaffNotice } from '../../db/repositories/staff-notices'
import { rowId } from '../coupons/ids'
import { issueCoupon } from '../coupons/issue-coupon'
import { defineOperation } from '../operation'
import type { UseCaseContext } from '../store-context'
import { toRedemptionView } from './mall-views'

/**
 * Redeems an item in ONE transaction; every limit is enforced by a write, and any refusal (an AppError) rolls all
 * of it back. In this order:
 *  1. the member's row is locked (redemptions by one member take turns; the same order as a release), then the
 *     request key: a retry returns the first redemption (`repeated`), the same key from another member is refused;
 *  2. the item's stored rules at ctx.now: status, window, tier, quantity ≤ max_per_redemption;
 *  3. the per-member quota, by its guarded upsert (每人限兑 N 件);
 *  4. the points, by a 'redeem' debit through postPoints (积分不足（差 X 分）);
 *  5. the redemption row: a gift is held with its pick-up code and window; a coupon is issued to the wallet;
 *  6. the stock, by its guarded increment (已兑完), last: that row is shared by every redemption of the item;
 *  7. the managers' low-stock notice, once per restock.
 */
export const redeemMallItem = defineOperation({
  name: 'redeemMallItem',
  access: 'member',
  run: async (ctx, caller, input) => {
    const member = await lockMemberForIssue(ctx.tx, caller.id)
    if (!member || member.status !== 'active') throw new AppError('MEMBER_CLOSED')
    const requestKey = `${member.id}:${input.requestId}`
    const earlier = await findRedemptionByRequestKey(ctx.tx, ctx.store.id, requestKey)
    if (earlier) return { redemption: toRedemptionView(earlier), pointsBalance: member.pointsBalance, repeated: true }

    const itemId = rowId(input.itemId)
    const found = itemId === null ? null : await findMallItem(ctx.tx, ctx.store.id, itemId)
    if (!found || !visible(found.item, ctx.now)) throw new AppError('MALL_ITEM_NOT_FOUND')
    const item = found.item
    assertRedeemable(ctx, item, member, input.quantity)

    const period = periodKey(item.limitPeriod, ctx.now, ctx.store.timezone)
    if (!(await takeQuota(ctx.tx, { itemId: item.id, memberId: member.id, periodKey: period }, input.quantity, item.perMemberLimit))) {
      throw new AppError('MALL_LIMIT_REACHED', limitText(item.perMemberLimit ?? 0, item.limitPeriod))
    }
    const points = item.pointsPrice * input.quantity
    const debit = await debitPoints(ctx, member, points, requestKey, item.name)

    const gift = item.kind === 'gift'
    const inserted = await insertRedemption(ctx.tx, {
      storeId: ctx.store.id,
      memberId: member.id,
      itemId: item.id,
      requestKey,
      kind: item.kind,
      itemName: item.name,
      quantity: input.quantity,
      points,
      periodKey: period,
      status: gift ? 'held' : 'delivered',
      debitEntryId: debit.entryId,
      pickupCode: gift ? newPickupCode((n) => randomBytes(n)) : null,
      pickupExpiresAt: gift ? pickupExpiresAt(ctx.now, ctx.store.timezone, ctx.store.mallPickupDays) : null,
      createdAt: ctx.now,
    })
    // The member's lock serializes their requests, so only a broken invariant gets here: roll everything back.
    if (!inserted) throw new Error('redeemMallItem: the request key was taken concurrently')

    let couponId: number | null = null
    if (!gift) {
      if (item.couponTemplateId === null) throw new Error(`redeemMallItem: coupon item ${item.id} has no template`)
      const { coupon } = await issueCoupon(ctx, { template: item.couponTemplateId, member, channel: 'mall', sourceKey: `mall:${inserted.id}` })
      couponId = coupon.id
      await setRedemptionCoupon(ctx.tx, inserted.id, coupon.id)
    }

    // The stock last: every redemption of the item queues on this row's lock until its commit, so it is held for
    // one statement and the commit only (the till's coupon count works the same way).
    const taken = await takeMallStock(ctx.tx, ctx.store.id, item.id, input.quantity)
    if (!taken) throw new AppError(item.status === 'on_sale' ? 'MALL_SOLD_OUT' : 'MALL_STOPPED')
    // Priced and named from the first read: a manager's edit in between is refused rather than charged at the old price.
    if (taken.pointsPrice !== item.pointsPrice || taken.kind !== item.kind) throw new AppError('MALL_ITEM_CHANGED')

    await noticeLowStock(ctx, taken)
    return {
      redemption: toRedemptionView({ ...inserted, couponId, pickedUpByName: null, imageKey: item.imageKey }),
      pointsBalance: debit.pointsBalance,
      repeated: false,
    }
  },
})

/** Shown now: on sale or stopped alike once visible (a stopped item is refused as 已下架, not as unknown). */
function visible(item: MallItemRow, now: Date): boolean {
  return item.visibleFrom === null || item.visibleFrom.getTime() <= now.getTime()
}

function assertRedeemable(ctx: UseCaseContext, item: MallItemRow, member: MemberRow, quantity: number): void {
  const now = ctx.now.getTime()
  if (item.status !== 'on_sale') throw new AppError('MALL_STOPPED')
  if (item.redeemFrom && now < item.redeemFrom.getTime()) throw new AppError('MALL_NOT_STARTED')
  if (item.redeemUntil && now > item.redeemUntil.getTime()) throw new AppError('MALL_ENDED')
  const locked = tierLock(item.minTierCode, { tiers: ctx.tiers, memberTierCode: member.tierCode })
  if (locked) throw new AppError('MALL_TIER_LOCKED', `该商品${locked}`)
  if (quantity > item.maxPerRedemption) throw new AppError('MALL_QUANTITY_TOO_LARGE', `每次最多兑换 ${item.maxPerRedemption} 件`)
  // Read without a lock, so only a first answer (the guarded increment decides): 已兑完 before 积分不足.
  if (item.redeemedCount + quantity > item.stockTotal) throw new AppError('MALL_SOLD_OUT')
}

/**
 * The 'redeem' debit. postPoints expires due lots first and refuses a debit beyond the usable balance; its refusal
 * is reworded with the shortfall the member can act on (积分不足（差 X 分）), read from the lots at this instant.
 */
async function debitPoints(ctx: UseCaseContext, member: MemberRow, points: number, requestKey: string, itemName: string) {
  try {
    return await postPoints(ctx.tx, {
      storeId: ctx.store.id,
      memberId: member.id,
      reason: 'redeem',
      delta: -points,
      requestId: `mall_redeem:${requestKey}`,
      note: `积分兑换：${itemName}`,
      expiresAt: null,
      createdAt: ctx.now,
    })
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'POINTS_INSUFFICIENT') throw e
    const { usable } = await readPointsOutlook(ctx.tx, member.id, ctx.now)
    throw new AppError('POINTS_INSUFFICIENT', `积分不足（差 ${points - Math.max(0, usable)} 分）`)
  }
}

/** 库存不足: queued with the redemption that ran it down, once per stock_total (a restock re-arms it). */
async function noticeLowStock(ctx: UseCaseContext, item: MallItemRow): Promise<void> {
  const left = item.stockTotal - item.redeemedCount
  if (left > ctx.store.mallLowStockAt || item.lowStockNotifiedAt === item.stockTotal) return
  if (!(await claimLowStockNotice(ctx.tx, item.id, item.stockTotal))) return
  await queueStaffNotice(ctx.tx, {
    storeId: ctx.store.id,
    kind: 'mall_low_stock',
    dedupeKey: `mall_low_stock:${item.id}:${item.stockTotal}`,
    title: '积分商品库存不足',
    body: left > 0 ? `「${item.name}」仅剩 ${left} 件，请及时补货。` : `「${item.name}」已兑完，请及时补货。`,
    payload: { itemId: item.id, stockLeft: left, stockTotal: item.stockTotal },
    createdAt: ctx.now,
  })
}
