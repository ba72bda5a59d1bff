import type { MallBalanceView, MallItemKind, MallItemView, MallLimitPeriod, RedemptionStatus, RedemptionView } from '../../../contract'
import { mallItemState, periodKey } from '../../../domain/mall/item-state'
import { formatLocalDate, localDateOf } from '../../../domain/local-time'
import type { MallItemWithTerms } from '../../db/repositories/mall-items'
import type { RedemptionWithNames } from '../../db/repositories/mall-redemptions'
import type { PointsOutlook } from '../../db/repositories/points-lots'
import { minTierView, toTermsView } from '../coupons/coupon-view'
import { defaultImageUrl } from '../storage/image-storage'
import type { UseCaseContext } from '../store-context'

/** The mall's views for the member, decided at ctx.now from the stored rules. */

/**
 * A picture key as a URL the page can show (the storage port's rule: a cloud fileID as it is, a local key under
 * the gateway's /files/); no key is the placeholder.
 */
export function mallImageUrl(imageKey: string | null): string | null {
  return imageKey === null ? null : defaultImageUrl(imageKey)
}

export function toBalanceView(ctx: UseCaseContext, outlook: PointsOutlook): MallBalanceView {
  const next = outlook.nextExpiry
  return {
    points: outlook.usable,
    // The lot is usable until (exclusive) expires_at: its last day is the day of the instant just before.
    expiring: next ? { points: next.points, lastDay: formatLocalDate(localDateOf(new Date(next.expiresAt.getTime() - 1), ctx.store.timezone)) } : null,
    pointsPerYuan: ctx.store.pointsPerYuan,
  }
}

/** The key under which readQuotaCounts returns the member's count for the item's current period. */
export function quotaKeyOf(ctx: UseCaseContext, item: { id: number; limitPeriod: string }): string {
  return `${item.id}:${periodKey(item.limitPeriod, ctx.now, ctx.store.timezone)}`
}

export function toMallItemView(
  ctx: UseCaseContext,
  { item, terms }: MallItemWithTerms,
  viewer: { memberTierCode: string; usablePoints: number; redeemedByMe: number },
): MallItemView {
  const stockLeft = Math.max(0, item.stockTotal - item.redeemedCount)
  const state = mallItemState(item, {
    now: ctx.now,
    zone: ctx.store.timezone,
    tiers: ctx.tiers,
    pointsPerYuan: ctx.store.pointsPerYuan,
    ...viewer,
  })
  return {
    id: String(item.id),
    kind: item.kind as MallItemKind,
    name: item.name,
    imageUrl: mallImageUrl(item.imageKey),
    pointsPrice: item.pointsPrice,
    stockLeft,
    lowStock: stockLeft > 0 && stockLeft <= ctx.store.mallLowStockAt,
    redeemFrom: item.redeemFrom?.toISOString() ?? null,
    redeemUntil: item.redeemUntil?.toISOString() ?? null,
    minTier: minTierView(ctx, item.minTierCode),
    perMemberLimit: item.perMemberLimit,
    limitPeriod: item.limitPeriod as MallLimitPeriod,
    maxPerRedemption: item.maxPerRedemption,
    redeemedByMe: viewer.redeemedByMe,
    ...state,
    coupon: terms ? toTermsView(ctx, terms) : null,
  }
}

export function toRedemptionView(r: RedemptionWithNames, options: { withCode?: boolean } = {}): RedemptionView {
  const held = r.status === 'held'
  return {
    id: String(r.id),
    itemId: String(r.itemId),
    kind: r.kind as MallItemKind,
    itemName: r.itemName,
    imageUrl: mallImageUrl(r.imageKey),
    quantity: r.quantity,
    points: r.points,
    status: r.status as RedemptionStatus,
    createdAt: r.createdAt.toISOString(),
    pickupExpiresAt: r.pickupExpiresAt?.toISOString() ?? null,
    pickedUpAt: r.pickedUpAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    closeReason: r.closeReason,
    pointsReturned: r.pointsReturned,
    couponId: r.couponId === null ? null : String(r.couponId),
    ...(options.withCode && held && r.pickupCode ? { pickupCode: r.pickupCode } : {}),
    cancellable: held,
  }
}
