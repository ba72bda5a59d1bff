import { sql } from 'drizzle-orm'
import { executeRows, type Tx } from '../db'
import { couponVerifications, memberCoupons, pointsLedger, purchaseRefunds, purchases, staff } from '../schema'

/**
 * Refunds (in full, once per purchase: the unique purchase_id is the guard) and what a refund needs to know about
 * the purchase: what it earned (its ledger entry), the coupon verified on it, and an earlier refund.
 */

export interface StoredRefund {
  id: number
  at: Date
  staffName: string
  pointsReversed: number
  pointsShortfall: number
  growthReversed: number
  couponReturnedAs: string | null
  tierBefore: string
  tierAfter: string
}

export interface PurchaseForRefund {
  id: number
  memberId: number
  receiptNo: string
  /** Paid: growth was earned on this. */
  amountFen: number
  createdAt: Date
  /** The points its ledger entry credited (0 for a purchase under ¥1). */
  pointsEarned: number
  /** The coupon verified on it: `live` while that verification stands (a refund reverses it). */
  coupon: { id: number; name: string; validTo: Date; live: boolean } | null
  refund: StoredRefund | null
}

interface Row {
  id: number | string
  member_id: number | string
  receipt_no: string
  amount_fen: number
  created_at: string | Date
  points_earned: number | null
  coupon_id: number | string | null
  coupon_name: string | null
  coupon_valid_to: string | Date | null
  coupon_live: boolean
  r_id: number | string | null
  r_at: string | Date | null
  r_staff_name: string | null
  points_reversed: number | null
  points_shortfall: number | null
  growth_reversed: number | null
  coupon_returned_as: string | null
  tier_before: string | null
  tier_after: string | null
}

/** The purchase a receipt names, with what a refund reverses, in one read; null when there is none. */
export async function findPurchaseForRefund(tx: Tx, storeId: number, receiptNo: string): Promise<PurchaseForRefund | null> {
  const [r] = await executeRows<Row>(
    tx.execute(sql`
      select p.id, p.member_id, p.receipt_no, p.amount_fen, p.created_at,
        (select l.delta from ${pointsLedger} l where l.store_id = p.store_id and l.request_id = 'purchase:' || p.receipt_no) as points_earned,
        p.coupon_id, c.name as coupon_name, c.valid_to as coupon_valid_to,
        exists (select 1 from ${couponVerifications} v where v.coupon_id = p.coupon_id and v.purchase_id = p.id and v.voided_at is null) as coupon_live,
        r.id as r_id, r.created_at as r_at, s.name as r_staff_name, r.points_reversed, r.points_shortfall, r.growth_reversed,
        r.coupon_returned_as, r.tier_before, r.tier_after
      from ${purchases} p
      left join ${memberCoupons} c on c.id = p.coupon_id
      left join ${purchaseRefunds} r on r.purchase_id = p.id
      left join ${staff} s on s.id = r.staff_id
      where p.store_id = ${storeId} and p.receipt_no = ${receiptNo}`),
  )
  if (!r) return null
  return {
    id: Number(r.id),
    memberId: Number(r.member_id),
    receiptNo: r.receipt_no,
    amountFen: r.amount_fen,
    createdAt: new Date(r.created_at),
    pointsEarned: Math.max(0, r.points_earned ?? 0),
    coupon:
      r.coupon_id === null
        ? null
        : { id: Number(r.coupon_id), name: r.coupon_name ?? '', validTo: new Date(r.coupon_valid_to as string | Date), live: r.coupon_live },
    refund:
      r.r_id === null
        ? null
        : {
            id: Number(r.r_id),
            at: new Date(r.r_at as string | Date),
            staffName: r.r_staff_name ?? '',
            pointsReversed: r.points_reversed ?? 0,
            pointsShortfall: r.points_shortfall ?? 0,
            growthReversed: r.growth_reversed ?? 0,
            couponReturnedAs: r.coupon_returned_as,
            tierBefore: r.tier_before ?? '',
            tierAfter: r.tier_after ?? '',
          },
  }
}

export type NewRefund = Omit<typeof purchaseRefunds.$inferInsert, 'id'>

/** Claims the purchase's one refund; null when it was already refunded (a retry, or a second manager). */
export async function insertRefundIfNew(tx: Tx, refund: NewRefund): Promise<number | null> {
  const rows = await tx.insert(purchaseRefunds).values(refund).onConflictDoNothing({ target: purchaseRefunds.purchaseId }).returning({ id: purchaseRefunds.id })
  return rows[0]?.id ?? null
}
