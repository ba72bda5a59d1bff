import { and, eq, inArray, sql } from 'drizzle-orm'
import { preparedStatement, type Tx } from '../db'
import { auditLog, members, purchases } from '../schema'
import { toMemberRow, type MemberDbRow, type MemberRow } from './members'

export type PurchaseRow = typeof purchases.$inferSelect
export type NewPurchase = Pick<
  typeof purchases.$inferInsert,
  'storeId' | 'memberId' | 'receiptNo' | 'amountFen' | 'grossFen' | 'tierDiscountFen' | 'couponDiscountFen' | 'couponId' | 'staffId' | 'createdAt'
>

/**
 * Records the receipt unless it is already recorded; returns the new id or null. Two clerks entering the same
 * receipt at once meet at the unique key (store_id, receipt_no): exactly one gets an id.
 */
export async function insertPurchaseIfNew(tx: Tx, purchase: NewPurchase): Promise<number | null> {
  const rows = await tx
    .insert(purchases)
    .values(purchase)
    .onConflictDoNothing({ target: [purchases.storeId, purchases.receiptNo] })
    .returning({ id: purchases.id })
  return rows[0]?.id ?? null
}

export interface RecordedAmounts {
  id: number
  memberId: number
  /** What was paid (points were earned on this). */
  amountFen: number
  /** What the clerk entered (the paid amount for purchases recorded before coupons). */
  grossFen: number
  tierDiscountFen: number
  couponDiscountFen: number
  couponId: number | null
}

export interface RepeatedReceipt {
  /** The receipt as first recorded, or null when it is not there (it cannot vanish: the caller's bug). */
  purchase: RecordedAmounts | null
  /** That purchase's member as now, when it is the member asked about. */
  member: MemberRow | null
  /** Whether the repeat was the same member, amount and coupon, and so was audited. */
  audited: boolean
}

type RepeatParam = 'storeId' | 'receiptNo' | 'memberId' | 'grossFen' | 'couponId' | 'staffId' | 'auditDetail' | 'createdAt'
const p = (name: RepeatParam) => sql.placeholder(name)
const repeatStatement = preparedStatement<
  {
    id: number | string
    member_id: number | string
    amount_fen: number
    gross_fen: number
    tier_discount_fen: number
    coupon_discount_fen: number
    coupon_id: number | string | null
    member: MemberDbRow | null
    audited: boolean
  },
  Record<RepeatParam, unknown>
>(
  'purchase_repeat',
  sql`
    with existing as (
      select id, member_id, amount_fen, coalesce(gross_fen, amount_fen) as gross_fen, tier_discount_fen, coupon_discount_fen, coupon_id
      from ${purchases} where store_id = ${p('storeId')} and receipt_no = ${p('receiptNo')}
    ), audit as (
      insert into ${auditLog} (staff_id, action, member_id, detail, created_at)
      select ${p('staffId')}::int, 'purchase.duplicate', member_id, ${p('auditDetail')}::jsonb || jsonb_build_object('purchaseId', id),
        ${p('createdAt')}::timestamptz
      from existing
      where member_id = ${p('memberId')}::bigint and gross_fen = ${p('grossFen')}::int and coupon_id is not distinct from ${p('couponId')}::bigint
      returning 1
    )
    select existing.*, to_jsonb(m) as member, exists (select 1 from audit) as audited
    from existing left join ${members} m on m.id = existing.member_id and m.id = ${p('memberId')}::bigint`,
)

/**
 * A receipt that was already recorded, entered again (a retry, or a second clerk), in one statement: the first
 * recording, and only when it is the same member, amount entered and coupon (a calm repeat) an audit entry
 * `purchase.duplicate` with `detail` and the purchase id, and the member's row as it is now.
 */
export async function recordRepeatedReceipt(
  tx: Tx,
  repeat: {
    storeId: number
    receiptNo: string
    memberId: number
    grossFen: number
    couponId: number | null
    staffId: number
    detail: Record<string, unknown>
    createdAt: Date
  },
): Promise<RepeatedReceipt> {
  const [row] = await repeatStatement(tx, {
    storeId: repeat.storeId,
    receiptNo: repeat.receiptNo,
    memberId: repeat.memberId,
    grossFen: repeat.grossFen,
    couponId: repeat.couponId,
    staffId: repeat.staffId,
    auditDetail: JSON.stringify(repeat.detail),
    createdAt: repeat.createdAt.toISOString(),
  })
  if (!row) return { purchase: null, member: null, audited: false }
  return {
    purchase: {
      id: Number(row.id),
      memberId: Number(row.member_id),
      amountFen: row.amount_fen,
      grossFen: row.gross_fen,
      tierDiscountFen: row.tier_discount_fen,
      couponDiscountFen: row.coupon_discount_fen,
      couponId: row.coupon_id === null ? null : Number(row.coupon_id),
    },
    member: row.member ? toMemberRow(row.member) : null,
    audited: row.audited,
  }
}

/** The amounts of a member's purchases by receipt number (for the points history); receipts not found are absent. */
export async function purchaseAmountsByReceipt(tx: Tx, storeId: number, memberId: number, receiptNos: string[]): Promise<Map<string, number>> {
  if (receiptNos.length === 0) return new Map()
  const rows = await tx
    .select({ receiptNo: purchases.receiptNo, amountFen: purchases.amountFen })
    .from(purchases)
    .where(and(eq(purchases.storeId, storeId), eq(purchases.memberId, memberId), inArray(purchases.receiptNo, receiptNos)))
  return new Map(rows.map((r) => [r.receiptNo, r.amountFen]))
}
