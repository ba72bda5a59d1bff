import { AppError, type ApiOutput, type PointsExpiryRule, type TierCode } from '../../../contract'
import { priceAtTill, shortText, type TillPrice } from '../../../domain/coupons/pricing'
import { tierLock } from '../../../domain/coupons/state'
import { earningsForPurchase } from '../../../domain/points'
import { lotExpiry } from '../../../domain/points-expiry'
import { promotionFor } from '../../../domain/tiers'
import { writeAudit } from '../../db/repositories/audit-log'
import { findTillCouponById, linkVerificationToPurchase, verifyCouponForPurchase, type TillCouponRow } from '../../db/repositories/coupon-verifications'
import { addGrowth, setMemberTier, type MemberRow, type MemberTotals } from '../../db/repositories/members'
import type { NewNotification } from '../../db/repositories/notifications'
import { termsOf } from '../coupons/coupon-terms'
import { noteQueued } from '../notifications/enqueue'
import { recordPurchaseWithPoints } from '../../db/repositories/points-ledger'
import { insertPurchaseIfNew, recordRepeatedReceipt } from '../../db/repositories/purchases'
import type { UseCaseContext } from '../store-context'
import { tierByCode, toTierView } from '../tier-view'
import { checkCouponAtTill } from './coupon-at-till'
import { toStaffMemberView } from './staff-member-view'
import { stateOf, toTillCouponView } from './till-coupon-view'

export interface PurchaseToCredit {
  /** Locked by the caller in this transaction (staffRecordPurchase), or current (the seed): the totals build on it. */
  member: MemberRow
  staffId: number
  /** Shown with a coupon verified on this purchase ("已核销 · 11-20 14:03 · 王芳"). */
  staffName?: string
  receiptNo: string
  /** What the clerk entered: the tier discount (when the store lets the till apply it) and the coupon come off it. */
  amountFen: number
  /** A coupon (its id) to verify on this purchase, in the same transaction; it must be this member's. */
  coupon?: { id: number } | null
  /** A manager recording to their own card: allowed, and said so in the audit log. */
  selfService?: boolean
  /**
   * The notification to queue when points are credited (「积分到账」), from what was credited and the balance
   * after it: written in the purchase's own statement, so only for a new receipt, once per its dedupe key. The
   * balance is the locked row's plus the points (checked against the statement's answer).
   */
  notify?: (credited: { points: number; balance: number; paidFen: number }) => NewNotification
}

/**
 * Records one receipt and credits its points and growth on the amount actually paid, inside the caller's
 * transaction. The order matters:
 *  1. a coupon is verified first, by one statement that also reads it (the guarded update; tier and threshold are
 *     then checked from its stored terms, and a refusal rolls the verification back), so that a refusal that must
 *     be recorded (COUPON_ALREADY_USED) has written nothing else, and a repeat of this receipt (its coupon already
 *     verified by `purchase:<receipt>`) stops here as "already recorded";
 *  2. the receipt's unique key is claimed (in the same statement as the points when there are any), so a
 *     duplicate or a concurrent second clerk stops before any points move; a repeat that names another coupon
 *     (or none) is a conflict and rolls back the coupon's verification with everything else.
 * Points move only through points-ledger.ts (balance and ledger entry in one statement).
 * Shared by the till (staffRecordPurchase) and the demo seed, so seeded history obeys the same rules.
 */
export async function creditPurchase(ctx: UseCaseContext, purchase: PurchaseToCredit): Promise<ApiOutput<'staffRecordPurchase'>> {
  const { tx, store, now } = ctx
  const { member, staffId, receiptNo, amountFen } = purchase
  const staff = { id: staffId }
  const requestId = `purchase:${receiptNo}`
  // Tier discount first (only when the till applies it; otherwise the clerk entered the member price), then the coupon.
  const tierDiscountPct = store.tillAppliesTierDiscount ? tierByCode(ctx.tiers, member.tierCode).discountPct : null
  let price: TillPrice = priceAtTill({ grossFen: amountFen, tierDiscountPct, coupon: null })
  let coupon: TillCouponRow | null = null
  let verificationId: number | null = null
  if (purchase.coupon) {
    // Verify first (one statement that also reads the coupon), then check tier and threshold from its stored terms:
    // a refusal after it rolls the verification back with everything else.
    const outcome = await verifyCouponForPurchase(tx, {
      storeId: store.id,
      couponId: purchase.coupon.id,
      memberId: member.id,
      staffId,
      requestId,
      receiptNo,
      at: now,
      audit: { action: 'coupon.verify', detail: { receiptNo } },
    })
    if (outcome.kind === 'not_found') throw new AppError('COUPON_NOT_FOUND')
    if (outcome.kind === 'request_reused') {
      // The receipt already verified a coupon: its conflict explains itself; it must never be answered as a calm
      // repeat, since this transaction has just marked the coupon used (the refusal rolls that back).
      await alreadyRecorded(ctx, purchase, null)
      throw new AppError('RECEIPT_CONFLICT', '该小票号已入账并已退款，请使用新的小票号')
    }
    coupon = outcome.coupon
    // Someone else's coupon is not this member's to spend, whoever holds the phone.
    if (coupon.memberId !== member.id) throw new AppError('COUPON_OTHER_MEMBER')
    if (outcome.kind === 'unchanged') {
      // Used (by this receipt before: a repeat; or by someone else: recorded refusal), or outside its window. When
      // the statement began it was still usable, another clerk took it meanwhile: read who.
      const usableBefore = coupon.status === 'available' && stateOf(ctx, coupon, member.tierCode).state === 'usable'
      const current = usableBefore ? ((await findTillCouponById(tx, store.id, coupon.id)) ?? coupon) : coupon
      if ((await checkCouponAtTill(ctx, staff, current, member.tierCode, requestId)) === 'repeat') return alreadyRecorded(ctx, purchase, coupon.id)
      throw new Error('creditPurchase: the guarded update found the coupon unusable, but it reads as usable')
    }
    const tierReason = tierLock(coupon.minTierCode, { tiers: ctx.tiers, memberTierCode: member.tierCode })
    if (tierReason) throw new AppError('COUPON_NOT_USABLE', tierReason)
    price = priceAtTill({ grossFen: amountFen, tierDiscountPct, coupon: termsOf(coupon) })
    if (price.shortFen !== null) throw new AppError('COUPON_NOT_APPLICABLE', shortText(price.shortFen))
    verificationId = outcome.verificationId
  }
  const paidFen = price.paidFen
  const earned = earningsForPurchase(paidFen, store)
  // Decided from the member row the caller locked (or, in the seed, the row it just wrote): exact.
  const promotion = promotionFor(ctx.tiers, member.tierCode as TierCode, member.growth + earned.growth)
  const claim = {
    storeId: store.id,
    memberId: member.id,
    receiptNo,
    amountFen: paidFen,
    grossFen: amountFen,
    tierDiscountFen: price.tierDiscountFen,
    couponDiscountFen: price.couponDiscountFen,
    couponId: coupon?.id ?? null,
    staffId,
    createdAt: now,
  }
  const auditDetail = {
    receiptNo,
    amountFen: paidFen,
    ...(paidFen !== amountFen ? { grossFen: amountFen, tierDiscountFen: price.tierDiscountFen, couponDiscountFen: price.couponDiscountFen } : {}),
    ...(coupon ? { couponId: coupon.id } : {}),
    pointsEarned: earned.points,
    growthEarned: earned.growth,
    promotedTo: promotion?.code ?? null,
    ...(purchase.selfService ? { selfService: true } : {}),
  }
  let totals: MemberTotals
  if (earned.points > 0) {
    // The usual case: receipt, points, growth, promotion, ledger, audit and notification in one statement.
    const notification = purchase.notify?.({ points: earned.points, balance: member.pointsBalance + earned.points, paidFen }) ?? null
    const recorded = await recordPurchaseWithPoints(tx, {
      ...claim,
      points: earned.points,
      growth: earned.growth,
      promoteTo: promotion?.code ?? null,
      verificationId,
      couponTemplateId: coupon?.templateId ?? null,
      requestId,
      note: `消费 小票 ${receiptNo}`,
      expiresAt: lotExpiry(store.pointsExpiryRule as PointsExpiryRule, now, store.timezone),
      audit: { action: 'purchase.record', detail: auditDetail },
      notification,
    })
    if (!recorded) return alreadyRecorded(ctx, purchase, coupon?.id ?? null)
    totals = recorded.posted
    if (notification) {
      // The member row was not locked after all: the notification states a wrong balance. Roll everything back.
      if (totals.pointsBalance !== member.pointsBalance + earned.points) {
        throw new Error('creditPurchase: the balance moved under the purchase (member row not locked?)')
      }
      noteQueued(ctx, notification, recorded.notificationId)
    }
  } else {
    // Under ¥1 paid (¥0 included) earns no points and has no ledger entry: claim the receipt, then add any growth.
    const purchaseId = await insertPurchaseIfNew(tx, claim)
    if (purchaseId === null) return alreadyRecorded(ctx, purchase, coupon?.id ?? null)
    totals = await addGrowth(tx, member.id, earned.growth)
    if (promotion) await setMemberTier(tx, member.id, promotion.code)
    await writeAudit(tx, { staffId, action: 'purchase.record', memberId: member.id, detail: { ...auditDetail, purchaseId }, createdAt: now })
    // Last: the template row is shared by the whole campaign (its row lock is held until commit: as short as possible).
    if (verificationId !== null && coupon) await linkVerificationToPurchase(tx, verificationId, purchaseId, price.couponDiscountFen, coupon.templateId)
  }
  const updated: MemberRow = { ...member, pointsBalance: totals.pointsBalance, growth: totals.growth, tierCode: promotion?.code ?? totals.tierCode }
  const usedCoupon: TillCouponRow | null =
    coupon && verificationId !== null
      ? {
          ...coupon,
          status: 'used',
          usedAt: now,
          verification: { id: verificationId, at: now, staffName: purchase.staffName ?? '', receiptNo, discountFen: price.couponDiscountFen, requestId, purchaseId: null },
        }
      : null
  return {
    alreadyRecorded: false,
    grossFen: amountFen,
    tierDiscountFen: price.tierDiscountFen,
    couponDiscountFen: price.couponDiscountFen,
    paidFen,
    coupon: usedCoupon ? toTillCouponView(ctx, usedCoupon, updated.tierCode) : null,
    pointsEarned: earned.points,
    growthEarned: earned.growth,
    promotedTo: promotion ? toTierView(promotion) : null,
    member: toStaffMemberView(ctx, updated),
  }
}

/**
 * The receipt is already in: the same member, amount entered and coupon (a retry, or a second clerk) get a calm
 * "already recorded" with the first recording's amounts; another member, another amount or another coupon is a
 * conflict, and nothing moves (a coupon verified for this attempt rolls back with the rest).
 */
async function alreadyRecorded(ctx: UseCaseContext, purchase: PurchaseToCredit, couponId: number | null): Promise<ApiOutput<'staffRecordPurchase'>> {
  // One statement: the first recording, the audit entry (only for a calm repeat) and the member row as now (the
  // one we hold may predate the credit made by the first recording).
  const repeat = await recordRepeatedReceipt(ctx.tx, {
    storeId: ctx.store.id,
    receiptNo: purchase.receiptNo,
    memberId: purchase.member.id,
    grossFen: purchase.amountFen,
    couponId,
    staffId: purchase.staffId,
    detail: {
      receiptNo: purchase.receiptNo,
      amountFen: purchase.amountFen,
      ...(couponId !== null ? { couponId } : {}),
      ...(purchase.selfService ? { selfService: true } : {}),
    },
    createdAt: ctx.now,
  })
  const existing = repeat.purchase
  if (!existing) throw new Error('creditPurchase: conflicting purchase row vanished')
  if (existing.memberId !== purchase.member.id) throw new AppError('RECEIPT_CONFLICT')
  // A retry repeats the amount; a different amount means one of the two entries is a typo, and the clerk must see it.
  if (existing.grossFen !== purchase.amountFen) {
    throw new AppError('RECEIPT_AMOUNT_MISMATCH', `该小票号已按 ${formatYuan(existing.grossFen)} 入账，与本次金额不同，请核对小票`)
  }
  if (existing.couponId !== couponId) {
    throw new AppError('RECEIPT_AMOUNT_MISMATCH', existing.couponId === null ? '该小票号已入账（未用券），请核对小票' : '该小票号已入账，使用的优惠券与本次不同，请核对小票')
  }
  const current = repeat.member ?? purchase.member
  const coupon = existing.couponId === null ? null : await findTillCouponById(ctx.tx, ctx.store.id, existing.couponId)
  return {
    alreadyRecorded: true,
    grossFen: existing.grossFen,
    tierDiscountFen: existing.tierDiscountFen,
    couponDiscountFen: existing.couponDiscountFen,
    paidFen: existing.amountFen,
    coupon: coupon ? toTillCouponView(ctx, coupon, current.tierCode) : null,
    pointsEarned: 0,
    growthEarned: 0,
    promotedTo: null,
    member: toStaffMemberView(ctx, current),
  }
}

function formatYuan(amountFen: number): string {
  return `¥${(amountFen / 100).toFixed(2)}`
}
