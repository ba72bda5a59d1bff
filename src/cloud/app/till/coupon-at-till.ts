import { AppError } from '../../../contract'
import { findTillCouponByCode, findTillCouponById, verifyCoupon, type TillCouponRow } from '../../db/repositories/coupon-verifications'
import { writeAudit } from '../../db/repositories/audit-log'
import type { StaffRow } from '../../db/repositories/staff'
import { RecordedRefusal } from '../recorded-refusal'
import type { UseCaseContext } from '../store-context'
import { stateOf, usedText } from './till-coupon-view'

/**
 * Using a coupon at the till (核销), shared by the verification alone and the purchase: exactly once, decided at
 * this instant from the stored status and dates. A retry with the same idempotency key gets the first result; anyone
 * else gets COUPON_ALREADY_USED saying when and by whom, and that refusal is itself recorded (committed) in the
 * audit log, the way a forged member code is.
 */

export async function couponByCodeOrThrow(ctx: UseCaseContext, code: string): Promise<TillCouponRow> {
  const coupon = await findTillCouponByCode(ctx.tx, ctx.store.id, code)
  if (!coupon) throw new AppError('COUPON_NOT_FOUND')
  return coupon
}

/**
 * 'repeat' when this very request (the same requestId, or the same receipt) verified it already; 'usable' when it
 * may be used now by this member; otherwise refuses: COUPON_ALREADY_USED (recorded), or COUPON_NOT_USABLE with
 * the reason the member and clerk see (明天起可用 / 仅限金卡 / 已于 11-30 过期).
 */
export async function checkCouponAtTill(
  ctx: UseCaseContext,
  staff: Pick<StaffRow, 'id'>,
  coupon: TillCouponRow,
  memberTierCode: string,
  requestId: string,
): Promise<'repeat' | 'usable'> {
  if (coupon.status === 'used') {
    if (coupon.verification?.requestId === requestId) return 'repeat'
    return refuseAlreadyUsed(ctx, staff, coupon, requestId)
  }
  const { state, reason } = stateOf(ctx, coupon, memberTierCode)
  if (state !== 'usable') throw new AppError('COUPON_NOT_USABLE', reason ?? undefined)
  return 'usable'
}

/** The refusal is evidence (who tried to use a used coupon, when): it commits, then the call is refused. */
async function refuseAlreadyUsed(ctx: UseCaseContext, staff: Pick<StaffRow, 'id'>, coupon: TillCouponRow, requestId: string): Promise<never> {
  await writeAudit(ctx.tx, {
    staffId: staff.id,
    action: 'coupon.verify_refused',
    memberId: coupon.memberId,
    detail: { couponId: coupon.id, verificationId: coupon.verification?.id ?? null, requestId },
    createdAt: ctx.now,
  })
  throw new RecordedRefusal('COUPON_ALREADY_USED', `该券${usedText(ctx, coupon.verification, coupon.usedAt)}`)
}

export interface UseAtTill {
  requestId: string
  receiptNo: string | null
  discountFen: number
  auditDetail: Record<string, unknown>
}

/**
 * The guarded state change without a purchase (staffVerifyCoupon), after checkCouponAtTill said 'usable'; a
 * purchase uses verifyCouponForPurchase, which reads and verifies in one statement. When the write finds the coupon no longer
 * available (another clerk won the race a moment ago, or this request's own retry did), it reads the coupon again
 * and answers as checkCouponAtTill would now.
 */
export async function verifyAtTill(
  ctx: UseCaseContext,
  staff: Pick<StaffRow, 'id'>,
  coupon: TillCouponRow,
  memberTierCode: string,
  use: UseAtTill,
): Promise<{ kind: 'verified'; verificationId: number; templateId: number } | { kind: 'repeat' } | { kind: 'request_reused' }> {
  const outcome = await verifyCoupon(ctx.tx, {
    storeId: ctx.store.id,
    couponId: coupon.id,
    memberId: coupon.memberId,
    staffId: staff.id,
    requestId: use.requestId,
    receiptNo: use.receiptNo,
    discountFen: use.discountFen,
    at: ctx.now,
    audit: { action: 'coupon.verify', detail: use.auditDetail },
  })
  // 'request_reused': this key already verified a coupon (this receipt with another coupon, or a refunded receipt
  // entered again). The coupon row HAS changed: the caller must refuse, which rolls it back.
  if (outcome.kind !== 'not_available') return outcome
  const now = await findTillCouponById(ctx.tx, ctx.store.id, coupon.id)
  if (!now) throw new AppError('COUPON_NOT_FOUND')
  if ((await checkCouponAtTill(ctx, staff, now, memberTierCode, use.requestId)) === 'repeat') return { kind: 'repeat' }
  throw new Error('verifyAtTill: the guarded update found the coupon unusable, but it reads as usable')
}
