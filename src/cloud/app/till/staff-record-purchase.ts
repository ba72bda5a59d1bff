import { AppError, type StaffRole } from '../../../contract'
import { pointsCreditedNotification } from '../../../domain/notifications/points-credited'
import { notificationRow } from '../notifications/enqueue'
import { defineOperation } from '../operation'
import { creditPurchase } from './credit-purchase'
import { memberByCode, memberByTicket } from './member-by-code'

/** Roles that may record a purchase to their own card (audited as self-service); a clerk may not. */
const SELF_SERVICE_ROLES: readonly StaffRole[] = ['manager', 'admin']

/**
 * A clerk records a receipt for a member found by the lookup's till ticket (or, for a one-step integration, a
 * live member code): points, growth, maybe a promotion. Idempotent per receipt.
 */
export const staffRecordPurchase = defineOperation({
  name: 'staffRecordPurchase',
  access: { staff: ['clerk', 'manager', 'admin'] },
  run: async (ctx, staff, input) => {
    // The contract guarantees exactly one of the two. Locked: creditPurchase builds on these totals.
    const lock = { lock: true }
    const member =
      input.ticket !== undefined
        ? await memberByTicket(ctx, input.ticket, staff.id, lock)
        : await memberByCode(ctx, input.memberCode ?? '', staff, lock)
    // The same WeChat identity on both sides of the till: a clerk crediting their own card.
    const selfService = member.openid === staff.openid
    if (selfService && !SELF_SERVICE_ROLES.includes(staff.role)) throw new AppError('SELF_DEALING')
    // 「积分到账」 in the credit's own statement (only when points are credited for a new receipt); keyed by the
    // receipt, so a replay queues nothing new.
    const notify = ({ points, balance }: { points: number; balance: number }) =>
      notificationRow(ctx, member.id, pointsCreditedNotification({ receiptNo: input.receiptNo, points, balance, amountFen: input.amountFen, at: ctx.now }))
    return creditPurchase(ctx, { member, staffId: staff.id, receiptNo: input.receiptNo, amountFen: input.amountFen, selfService, notify })
  },
})
