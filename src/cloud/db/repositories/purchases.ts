import { and, eq } from 'drizzle-orm'
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
