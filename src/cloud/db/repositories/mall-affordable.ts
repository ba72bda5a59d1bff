import { sql } from 'drizzle-orm'
import type { TierCode } from '../../../contract/enums'
import { executeRows, type Tx } from '../db'
import { mallItems } from '../schema'

export interface AffordableItem {
  id: number
  name: string
  pointsPrice: number
  imageKey: string | null
}

/**
 * The card's 清零倒计时: up to `limit` mall items the member could redeem now with `points` — on sale, shown and
 * open for redemption at `now`, in stock, allowed for their tier, priced at most `points` — dearest first (the
 * most of the expiring points put to use). A read only: the redemption itself re-checks everything.
 */
export async function findAffordableMallItems(
  tx: Tx,
  q: { storeId: number; points: number; now: Date; tiersAllowed: readonly TierCode[]; limit: number },
): Promise<AffordableItem[]> {
  const at = q.now.toISOString()
  const tiers = `{${q.tiersAllowed.join(',')}}`
  const rows = await executeRows<{ id: number | string; name: string; points_price: number; image_key: string | null }>(
    tx.execute(sql`
      select id, name, points_price, image_key from ${mallItems}
      where store_id = ${q.storeId} and status = 'on_sale' and points_price <= ${q.points} and redeemed_count < stock_total
        and (visible_from is null or visible_from <= ${at}::timestamptz)
        and (redeem_from is null or redeem_from <= ${at}::timestamptz)
        and (redeem_until is null or redeem_until >= ${at}::timestamptz)
        and (min_tier_code is null or min_tier_code = any(${tiers}::text[]))
      order by points_price desc, sort_order, id
      limit ${q.limit}`),
  )
  return rows.map((r) => ({ id: Number(r.id), name: r.name, pointsPrice: Number(r.points_price), imageKey: r.image_key }))
}
