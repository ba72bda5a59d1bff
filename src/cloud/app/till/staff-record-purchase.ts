import { AppError, type StaffRole } from '../../../contract'
import { pointsCreditedNotification } from '../../../domain/notifications/points-credited'
import { findMemberById } from '../../db/repositories/coupon-verifications'
import type { MemberRow } from '../../db/repositories/members'
import { notificationRow } from '../notifications/enqueue'
import { defineOperation } from '../operation'
import { couponByCodeOrThrow } from './coupon-at-till'
import { creditPurchase } from './credit-purchase'
import { memberByCode, memberByTicket } from './member-by-code'

/** Roles that may record a purchase to their own card (audited as self-service); a clerk may not. */
const SELF_SERVICE_ROLES: readonly StaffRole[] = ['manager', 'admin']

/**
 * A clerk records a receipt for a member found by the lookup's till ticket (or, for a one-step integration, a
 * live member code, or a scanned coupon's holder), optionally with one of the member's coupons, verified in the
 * same transaction: points, growth, maybe a promotion, on the amount paid. Idempotent per receipt.
 */
export const staffRecordPurchase = defineOperation({
  name: 'staffRecordPurchase',
  access: { staff: ['clerk', 'manager', 'admin'] },
  run: async (ctx, staff, input) => {
    // The contract guarantees one way to the member. Locked: creditPurchase builds on these totals.
    const lock = { lock: true }
    let member: MemberRow
    // The coupon is read by the verification itself (creditPurchase), which also refuses another member's; a
    // scanned code is first turned into its id.
    let coupon: { id: number } | null = input.couponId !== undefined ? { id: Number(input.couponId) } : null
    if (input.ticket !== undefined) member = await memberByTicket(ctx, input.ticket, staff.id, lock)
    else if (input.memberCode !== undefined) member = await memberByCode(ctx, input.memberCode, staff, lock)
    else {
      // A scanned coupon alone: its holder is the member.
      const scanned = await couponByCodeOrThrow(ctx, input.couponCode ?? '')
      const holder = await findMemberById(ctx.tx, ctx.store.id, scanned.memberId, lock)
      if (!holder || holder.status !== 'active') throw new AppError('MEMBER_NOT_FOUND')
      member = holder
      coupon = { id: scanned.id }
    }
    if (!coupon && input.couponCode !== undefined) coupon = { id: (await couponByCodeOrThrow(ctx, input.couponCode)).id }
    // The same WeChat identity on both sides of the till: a clerk crediting their own card.
    const selfService = member.openid === staff.openid
    if (selfService && !SELF_SERVICE_ROLES.includes(staff.role)) throw new AppError('SELF_DEALING')
    // 「积分到账」 in the credit's own statement (only when points are credited for a new receipt); keyed by the
    // receipt, so a replay queues nothing new.
    const notify = ({ points, balance, paidFen }: { points: number; balance: number; paidFen: number }) =>
      notificationRow(ctx, member.id, pointsCreditedNotification({ receiptNo: input.receiptNo, points, balance, amountFen: paidFen, at: ctx.now }))
    return creditPurchase(ctx, {
      member,
      staffId: staff.id,
      staffName: staff.name,
      receiptNo: input.receiptNo,
      amountFen: input.amountFen,
      coupon,
      selfService,
      notify,
    })
  },
})
