import { signTillTicket, TILL_TICKET_MAX_AGE_S } from '../../../domain/till-ticket'
import { listAvailableCouponsAudited } from '../../db/repositories/coupon-verifications'
import { listHeldPickups } from '../../db/repositories/mall-redemptions'
import { openDoorEntriesOf } from '../event-door/open-door-entries'
import { defineOperation } from '../operation'
import { tillTierDiscountPct } from '../tier-view'
import { memberByCode } from './member-by-code'
import { toTillPickupView } from './pickup-at-till'
import { toStaffMemberView } from './staff-member-view'
import { tillCouponList } from './till-coupon-view'

/**
 * A clerk scans a code and sees the member (masked phone), with a till ticket to record purchases against.
 * With the member's coupons (usable now first, then the others with why: 该会员有 N 张可用券) and whether an unused
 * birthday coupon is among them (🎂), and their points-mall gifts waiting for pick-up: one read on the member's coupon index, in the audit entry's statement.
 * A staff read of personal data: audited.
 */
export const staffLookupMember = defineOperation({
  name: 'staffLookupMember',
  access: { staff: ['clerk', 'manager', 'admin'] },
  run: async (ctx, staff, input) => {
    const member = await memberByCode(ctx, input.memberCode, staff)
    // The audit entry rides with the coupon read: one round trip for both.
    const rows = await listAvailableCouponsAudited(ctx.tx, member.id, ctx.now, {
      staffId: staff.id,
      action: 'member.lookup',
      detail: { memberNo: member.memberNo },
    })
    const coupons = tillCouponList(ctx, rows, member.tierCode)
    return {
      member: toStaffMemberView(ctx, member),
      coupons,
      birthdayCoupon: coupons.some((c) => c.birthday && c.state === 'usable'),
      tierDiscountPct: tillTierDiscountPct(ctx, member.tierCode),
      // Gifts waiting for pick-up: handed over in the same visit without a second scan (one past its window says 已过期).
      pickups: (await listHeldPickups(ctx.tx, member.id)).map((p) => toTillPickupView(ctx, p)),
      // The member's registrations whose door is open now: checked in from here without a second scan.
      eventEntries: await openDoorEntriesOf(ctx, member.id),
      ticket: signTillTicket(member.memberNo, staff.id, ctx.now, ctx.config.memberCodeSecret),
      ticketExpiresAt: new Date(ctx.now.getTime() + TILL_TICKET_MAX_AGE_S * 1000).toISOString(),
    }
  },
})
