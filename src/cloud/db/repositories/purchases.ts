import { and, eq, inArray } from 'drizzle-orm'
import type { Tx } from '../db'
import { purchases } from '../schema'

export type PurchaseRow = typeof purchases.$inferSelect
export type NewPurchase = Pick<typeof purchases.$inferInsert, 'storeId' | 'memberId' | 'receiptNo' | 'amountFen' | 'staffId' | 'createdAt'>

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

export async function findPurchaseByReceipt(tx: Tx, storeId: number, receiptNo: string): Promise<PurchaseRow | null> {
  const rows = await tx.select().from(purchases).where(and(eq(purchases.storeId, storeId), eq(purchases.receiptNo, receiptNo))).limit(1)
  return rows[0] ?? null
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
