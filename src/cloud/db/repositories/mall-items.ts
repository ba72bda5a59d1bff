import { and, asc, eq, isNull, lte, or, sql, gte } from 'drizzle-orm'
import { executeRows, type Tx } from '../db'
import { couponTemplates, mallItems } from '../schema'

/** The points mall's items as the member side reads them, and the guarded stock moves of a redemption. */

export type MallItemRow = typeof mallItems.$inferSelect
export type MallCouponTerms = Pick<
  typeof couponTemplates.$inferSelect,
  'name' | 'kind' | 'thresholdFen' | 'amountOffFen' | 'discountPct' | 'maxDiscountFen' | 'giftName' | 'description' | 'minTierCode'
>
export interface MallItemWithTerms {
  item: MallItemRow
  /** Coupon items: the terms of the coupon they deliver. */
  terms: MallCouponTerms | null
}

const termColumns = {
  name: couponTemplates.name,
  kind: couponTemplates.kind,
  thresholdFen: couponTemplates.thresholdFen,
  amountOffFen: couponTemplates.amountOffFen,
  discountPct: couponTemplates.discountPct,
  maxDiscountFen: couponTemplates.maxDiscountFen,
  giftName: couponTemplates.giftName,
  description: couponTemplates.description,
  minTierCode: couponTemplates.minTierCode,
}

/** Items on sale, visible at `now` and not past their redemption end, in the store's order. */
export async function listVisibleMallItems(tx: Tx, storeId: number, now: Date): Promise<MallItemWithTerms[]> {
  const rows = await tx
    .select({ item: mallItems, terms: termColumns })
    .from(mallItems)
    .leftJoin(couponTemplates, eq(couponTemplates.id, mallItems.couponTemplateId))
    .where(
      and(
        eq(mallItems.storeId, storeId),
        eq(mallItems.status, 'on_sale'),
        or(isNull(mallItems.visibleFrom), lte(mallItems.visibleFrom, now)),
        or(isNull(mallItems.redeemUntil), gte(mallItems.redeemUntil, now)),
      ),
    )
    .orderBy(asc(mallItems.sortOrder), asc(mallItems.id))
  return rows.map((r) => ({ item: r.item, terms: r.item.couponTemplateId === null ? null : r.terms }))
}

/** One item of the store (any status), with its coupon's terms. */
export async function findMallItem(tx: Tx, storeId: number, id: number): Promise<MallItemWithTerms | null> {
  const [row] = await tx
    .select({ item: mallItems, terms: termColumns })
    .from(mallItems)
    .leftJoin(couponTemplates, eq(couponTemplates.id, mallItems.couponTemplateId))
    .where(and(eq(mallItems.storeId, storeId), eq(mallItems.id, id)))
  return row ? { item: row.item, terms: row.item.couponTemplateId === null ? null : row.terms } : null
}

/**
 * Takes `quantity` units from the stock, only while the item is on sale and the stock covers it: the write IS the
 * check (no read-then-write), so concurrent redemptions can never oversell. Returns the row after, or null
 * (sold out or stopped meanwhile).
 */
export async function takeMallStock(tx: Tx, storeId: number, itemId: number, quantity: number): Promise<MallItemRow | null> {
  const [row] = await tx
    .update(mallItems)
    .set({ redeemedCount: sql`${mallItems.redeemedCount} + ${quantity}` })
    .where(
      and(
        eq(mallItems.id, itemId),
        eq(mallItems.storeId, storeId),
        eq(mallItems.status, 'on_sale'),
        sql`${mallItems.redeemedCount} + ${quantity} <= ${mallItems.stockTotal}`,
      ),
    )
    .returning()
  return row ?? null
}

/**
 * Gives units back after a release (cancel, expiry, return); whatever the item's status now. A release happens
 * once (its guarded status change), so going below 0 is a bug: the CHECK refuses it rather than a clamp hiding it.
 */
export async function giveBackMallStock(tx: Tx, itemId: number, quantity: number): Promise<void> {
  await tx
    .update(mallItems)
    .set({ redeemedCount: sql`${mallItems.redeemedCount} - ${quantity}` })
    .where(eq(mallItems.id, itemId))
}

/**
 * Records that the low-stock notice went out for this stock_total; false when it already had (a restock raises
 * stock_total, so the next run-down notifies again). The guard makes two redemptions at once notify once.
 */
export async function claimLowStockNotice(tx: Tx, itemId: number, stockTotal: number): Promise<boolean> {
  const rows = await executeRows<{ id: number }>(
    tx.execute(sql`
      update ${mallItems} set low_stock_notified_at = ${stockTotal}
      where id = ${itemId} and stock_total = ${stockTotal} and low_stock_notified_at is distinct from ${stockTotal}
      returning id`),
  )
  return rows.length > 0
}
