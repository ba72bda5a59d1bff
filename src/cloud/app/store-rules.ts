import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../db'
import { stores } from '../db/schema'
import { STORE_CODE } from './store-context'
import { POINTS_EXPIRY_RULES, type PointsExpiryRule } from '../../contract/enums'
import { lotExpiry } from '../../domain/points-expiry'
import { dateNeverExpiringLots } from '../db/repositories/points-ledger'

/**
 * The store's coupon, refund and birthday rules (every number is configuration, not code), as
 * `npm run store -- rules` shows and changes them. A change bumps the store's config_version (trigger, migration
 * 0005), so every running instance sees it on its next call.
 */
export const storeRules = z
  .object({
    tillAppliesTierDiscount: z.boolean(),
    couponVoidWindowHours: z.number().int().min(0).max(24 * 30),
    refundReturnsCoupon: z.boolean(),
    refundLowersTier: z.boolean(),
    birthdayPoints: z.number().int().min(0).max(100_000),
    birthdayMinDays: z.number().int().min(0).max(366),
    notifyFromHour: z.number().int().min(0).max(23),
    notifyToHour: z.number().int().min(1).max(24),
    couponExpiryReminderDays: z.number().int().min(0).max(60),
    pointsExpiryRule: z.enum(POINTS_EXPIRY_RULES),
    pointsExpiryWarnDays: z.number().int().min(0).max(180),
    pointsExpiryLastCallDays: z.number().int().min(0).max(180),
    mallPickupDays: z.number().int().min(1).max(365),
    mallLowStockAt: z.number().int().min(0).max(100_000),
    eventCancelCutoffHours: z.number().int().min(0).max(168),
  })
  .strict()
  .refine((r) => r.notifyFromHour < r.notifyToHour, { message: 'notifyFromHour must be before notifyToHour', path: ['notifyToHour'] })
export type StoreRules = z.infer<typeof storeRules>

const columns = {
  tillAppliesTierDiscount: stores.tillAppliesTierDiscount,
  couponVoidWindowHours: stores.couponVoidWindowHours,
  refundReturnsCoupon: stores.refundReturnsCoupon,
  refundLowersTier: stores.refundLowersTier,
  birthdayPoints: stores.birthdayPoints,
  birthdayMinDays: stores.birthdayMinDays,
  notifyFromHour: stores.notifyFromHour,
  notifyToHour: stores.notifyToHour,
  couponExpiryReminderDays: stores.couponExpiryReminderDays,
  pointsExpiryRule: stores.pointsExpiryRule,
  pointsExpiryWarnDays: stores.pointsExpiryWarnDays,
  pointsExpiryLastCallDays: stores.pointsExpiryLastCallDays,
  mallPickupDays: stores.mallPickupDays,
  mallLowStockAt: stores.mallLowStockAt,
  eventCancelCutoffHours: stores.eventCancelCutoffHours,
}

export async function readStoreRules(db: Db): Promise<StoreRules | null> {
  const [row] = await db.select(columns).from(stores).where(eq(stores.code, STORE_CODE)).limit(1)
  return row ? { ...row, pointsExpiryRule: row.pointsExpiryRule as PointsExpiryRule } : null
}

/**
 * Applies a partial change after checking the whole result; returns the rules as stored. A change of the points
 * expiry rule never re-dates a lot already earned, with one exception that protects members: switching expiry
 * on gives the lots that were earned to never expire one full period from the switch (as if earned now), never
 * less. Switching it off leaves dated lots as they are (expired points are not given back).
 */
export async function changeStoreRules(db: Db, change: Partial<StoreRules>, now = new Date()): Promise<StoreRules> {
  const current = await readStoreRules(db)
  if (!current) throw new Error(`store '${STORE_CODE}' is not set up (npm run store -- init)`)
  const parsed = storeRules.safeParse({ ...current, ...change })
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'rules'}: ${i.message}`).join('; '))
  const next = parsed.data
  await db.transaction(async (tx) => {
    const [store] = await tx.update(stores).set(next).where(eq(stores.code, STORE_CODE)).returning({ id: stores.id, timezone: stores.timezone })
    if (current.pointsExpiryRule === 'never' && next.pointsExpiryRule !== 'never') {
      const expiresAt = lotExpiry(next.pointsExpiryRule, now, store.timezone)
      if (expiresAt) await dateNeverExpiringLots(tx, store.id, expiresAt)
    }
  })
  return next
}
