import type { AdminMallItemView, MallItemStatus, MallLimitPeriod } from '../../../contract'
import { formatLocalDate, localDateOf } from '../../../domain/local-time'
import type { AdminMallItemRow } from '../../db/repositories/mall-catalog'
import type { MallItemRow } from '../../db/repositories/mall-items'
import type { ImageStorage } from '../storage/image-storage'
import type { UseCaseContext } from '../store-context'
import { tierByCode, toTierView } from '../tier-view'

/** An item as the console edits it: instants back to the store-zone dates the manager entered. */
export function toAdminMallItemView(row: AdminMallItemRow, ctx: UseCaseContext, images: Pick<ImageStorage, 'urlOf'>): AdminMallItemView {
  const { item } = row
  const zone = ctx.store.timezone
  const date = (d: Date | null) => (d ? formatLocalDate(localDateOf(d, zone)) : null)
  const stockLeft = item.stockTotal - item.redeemedCount
  return {
    id: String(item.id),
    kind: item.kind as 'gift' | 'coupon',
    name: item.name,
    description: item.description,
    imageKey: item.imageKey,
    imageUrl: item.imageKey ? images.urlOf(item.imageKey) : null,
    pointsPrice: item.pointsPrice,
    couponTemplateId: item.couponTemplateId === null ? null : String(item.couponTemplateId),
    couponTemplateName: row.couponTemplateName,
    stockTotal: item.stockTotal,
    redeemedCount: item.redeemedCount,
    stockLeft,
    // The store's rule (mallLowStockAt): the same threshold the low-stock notice uses.
    lowStock: stockLeft <= ctx.store.mallLowStockAt,
    perMemberLimit: item.perMemberLimit,
    limitPeriod: item.limitPeriod as MallLimitPeriod,
    maxPerRedemption: item.maxPerRedemption,
    visibleFrom: date(item.visibleFrom),
    redeemFrom: date(item.redeemFrom),
    redeemUntil: date(item.redeemUntil),
    minTier: item.minTierCode ? toTierView(tierByCode(ctx.tiers, item.minTierCode)) : null,
    status: item.status as MallItemStatus,
    sortOrder: item.sortOrder,
    heldCount: row.heldCount,
    updatedAt: item.updatedAt.toISOString(),
  }
}

/** What the audit log keeps of an item change: the settings, no personal data. */
export function itemAuditDetail(item: MallItemRow | { id: number }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const row = item as Partial<MallItemRow>
  return { itemId: item.id, name: row.name, kind: row.kind, pointsPrice: row.pointsPrice, stockTotal: row.stockTotal, status: row.status, ...extra }
}
