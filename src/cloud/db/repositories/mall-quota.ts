import { and, eq, inArray, sql } from 'drizzle-orm'
import { executeRows, type Tx } from '../db'
import { mallMemberQuota } from '../schema'

/** The per-member limit of a mall item, kept by guarded upserts of mall_member_quota (schema/mall.ts). */

export interface QuotaKey {
  itemId: number
  memberId: number
  periodKey: string
}

/**
 * Counts `quantity` more units for the member in this period, only if the total stays within `limit` (null: no
 * limit, counted all the same so the page can show 已兑 N 件). The upsert is the check: false when the limit is
 * reached (no row changed), so twenty taps at once give one redemption on a limit of 1.
 */
export async function takeQuota(tx: Tx, key: QuotaKey, quantity: number, limit: number | null): Promise<boolean> {
  if (limit !== null && quantity > limit) return false
  const rows = await executeRows<{ count: number }>(
    tx.execute(sql`
      insert into ${mallMemberQuota} (item_id, member_id, period_key, count)
      values (${key.itemId}, ${key.memberId}, ${key.periodKey}, ${quantity})
      on conflict (item_id, member_id, period_key) do update set count = ${mallMemberQuota}.count + excluded.count
      where ${limit}::int is null or ${mallMemberQuota}.count + excluded.count <= ${limit}::int
      returning count`),
  )
  return rows.length > 0
}

/** Gives units back to the period they were counted in (a release, once: a CHECK refuses going below 0, never hidden). */
export async function giveBackQuota(tx: Tx, key: QuotaKey, quantity: number): Promise<void> {
  await tx
    .update(mallMemberQuota)
    .set({ count: sql`${mallMemberQuota.count} - ${quantity}` })
    .where(and(eq(mallMemberQuota.itemId, key.itemId), eq(mallMemberQuota.memberId, key.memberId), eq(mallMemberQuota.periodKey, key.periodKey)))
}

/** The member's counts for these items, keyed `<itemId>:<periodKey>` (a page reads each item's current period). */
export async function readQuotaCounts(tx: Tx, memberId: number, itemIds: number[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map()
  const rows = await tx
    .select()
    .from(mallMemberQuota)
    .where(and(eq(mallMemberQuota.memberId, memberId), inArray(mallMemberQuota.itemId, itemIds)))
  return new Map(rows.map((r) => [`${r.itemId}:${r.periodKey}`, r.count]))
}
