import { AppError, type ApiOutput, type TierCode } from '../../../contract'
import { earningsForPurchase } from '../../../domain/points'
import { pointsExpireAt } from '../../../domain/points-expiry'
import { promotionFor } from '../../../domain/tiers'
import { writeAudit } from '../../db/repositories/audit-log'
import { addGrowth, setMemberTier, type MemberRow, type MemberTotals } from '../../db/repositories/members'
import type { NewNotification } from '../../db/repositories/notifications'
import { noteQueued } from '../notifications/enqueue'
import { recordPurchaseWithPoints } from '../../db/repositories/points-ledger'
import { insertPurchaseIfNew, recordRepeatedReceipt } from '../../db/repositories/purchases'
import type { UseCaseContext } from '../store-context'
import { toTierView } from '../tier-view'
import { toStaffMemberView } from './staff-member-view'

export interface PurchaseToCredit {
  /** Locked by the caller in this transaction (staffRecordPurchase), or current (the seed): the totals build on it. */
  member: MemberRow
  staffId: number
  receiptNo: string
  amountFen: number
  /** A manager recording to their own card: allowed, and said so in the audit log. */
  selfService?: boolean
  /**
   * The notification to queue when points are credited (「积分到账」), from what was credited and the balance
   * after it: written in the purchase's own statement, so only for a new receipt, once per its dedupe key. The
   * balance is the locked row's plus the points (checked against the statement's answer).
   */
  notify?: (credited: { points: number; balance: number }) => NewNotification
}

/**
 * Records one receipt and credits its points and growth, inside the caller's transaction. The order matters:
 * the receipt's unique key is claimed first (in the same statement as the points when there are any), so a
 * duplicate or a concurrent second clerk stops before any points move; points move only through
 * points-ledger.ts (balance and ledger entry in one statement).
 * Shared by the till (staffRecordPurchase) and the demo seed, so seeded history obeys the same rules.
 */
export async function creditPurchase(ctx: UseCaseContext, purchase: PurchaseToCredit): Promise<ApiOutput<'staffRecordPurchase'>> {
  const { tx, store, now } = ctx
  const { member, staffId, receiptNo, amountFen } = purchase
  const earned = earningsForPurchase(amountFen, store)
  // Decided from the member row the caller locked (or, in the seed, the row it just wrote): exact.
  const promotion = promotionFor(ctx.tiers, member.tierCode as TierCode, member.growth + earned.growth)
  const claim = { storeId: store.id, memberId: member.id, receiptNo, amountFen, staffId, createdAt: now }
  const auditDetail = {
    receiptNo,
    amountFen,
    pointsEarned: earned.points,
    growthEarned: earned.growth,
    promotedTo: promotion?.code ?? null,
    ...(purchase.selfService ? { selfService: true } : {}),
  }
  let totals: MemberTotals
  if (earned.points > 0) {
    // The usual case: receipt, points, growth, promotion, ledger, audit and notification in one statement.
    const notification = purchase.notify?.({ points: earned.points, balance: member.pointsBalance + earned.points }) ?? null
    const recorded = await recordPurchaseWithPoints(tx, {
      ...claim,
      points: earned.points,
      growth: earned.growth,
      promoteTo: promotion?.code ?? null,
      requestId: `purchase:${receiptNo}`,
      note: `消费 小票 ${receiptNo}`,
      expiresAt: pointsExpireAt(now, store.timezone),
      audit: { action: 'purchase.record', detail: auditDetail },
      notification,
    })
    if (!recorded) return alreadyRecorded(ctx, purchase)
    totals = recorded.posted
    if (notification) {
      // The member row was not locked after all: the notification states a wrong balance. Roll everything back.
      if (totals.pointsBalance !== member.pointsBalance + earned.points) {
        throw new Error('creditPurchase: the balance moved under the purchase (member row not locked?)')
      }
      noteQueued(ctx, notification, recorded.notificationId)
    }
  } else {
    // A purchase under ¥1 earns no points and has no ledger entry: claim the receipt, then add any growth.
    const purchaseId = await insertPurchaseIfNew(tx, claim)
    if (purchaseId === null) return alreadyRecorded(ctx, purchase)
    totals = await addGrowth(tx, member.id, earned.growth)
    if (promotion) await setMemberTier(tx, member.id, promotion.code)
    await writeAudit(tx, { staffId, action: 'purchase.record', memberId: member.id, detail: { ...auditDetail, purchaseId }, createdAt: now })
  }
  const updated: MemberRow = { ...member, pointsBalance: totals.pointsBalance, growth: totals.growth, tierCode: promotion?.code ?? totals.tierCode }
  return {
    alreadyRecorded: false,
    grossFen: amountFen,
    tierDiscountFen: 0,
    couponDiscountFen: 0,
    paidFen: amountFen,
    coupon: null,
    pointsEarned: earned.points,
    growthEarned: earned.growth,
    promotedTo: promotion ? toTierView(promotion) : null,
    member: toStaffMemberView(ctx, updated),
  }
}

/**
 * The receipt is already in: the same member and amount (a retry, or a second clerk) get a calm "already
 * recorded"; another member or another amount is a conflict, and nothing moves.
 */
async function alreadyRecorded(ctx: UseCaseContext, purchase: PurchaseToCredit): Promise<ApiOutput<'staffRecordPurchase'>> {
  // One statement: the first recording, the audit entry (only for the same member and amount) and the member
  // row as now (the one we hold may predate the credit made by the first recording).
  const repeat = await recordRepeatedReceipt(ctx.tx, {
    storeId: ctx.store.id,
    receiptNo: purchase.receiptNo,
    memberId: purchase.member.id,
    amountFen: purchase.amountFen,
    staffId: purchase.staffId,
    detail: { receiptNo: purchase.receiptNo, amountFen: purchase.amountFen, ...(purchase.selfService ? { selfService: true } : {}) },
    createdAt: ctx.now,
  })
  const existing = repeat.purchase
  if (!existing) throw new Error('creditPurchase: conflicting purchase row vanished')
  if (existing.memberId !== purchase.member.id) throw new AppError('RECEIPT_CONFLICT')
  // A retry repeats the amount; a different amount means one of the two entries is a typo, and the clerk must see it.
  if (existing.amountFen !== purchase.amountFen) {
    throw new AppError('RECEIPT_AMOUNT_MISMATCH', `该小票号已按 ${formatYuan(existing.amountFen)} 入账，与本次金额不同，请核对小票`)
  }
  const current = repeat.member ?? purchase.member
  const amounts = { grossFen: existing.amountFen, tierDiscountFen: 0, couponDiscountFen: 0, paidFen: existing.amountFen, coupon: null }
  return { alreadyRecorded: true, ...amounts, pointsEarned: 0, growthEarned: 0, promotedTo: null, member: toStaffMemberView(ctx, current) }
}

function formatYuan(amountFen: number): string {
  return `¥${(amountFen / 100).toFixed(2)}`
}
