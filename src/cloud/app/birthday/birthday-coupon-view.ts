import type { BirthdayGiftView, MemberCouponView } from '../../../contract'
import type { CouponState } from '../../../contract/enums'
import type { BirthdayGiftRow, MemberCouponRow } from '../../db/repositories/birthday-gifts'
import type { UseCaseContext } from '../store-context'
import { tierByCode, toTierView } from '../tier-view'

/**
 * A coupon's state from its stored dates at this moment (never from a job having run). A simple form of
 * src/domain/coupons/state.ts (couponState), which is not on main yet: the merge should switch to it, which
 * also explains a tier that is too low (仅限金卡).
 */
export function birthdayCouponState(c: Pick<MemberCouponRow, 'status' | 'validFrom' | 'validTo'>, now: Date): CouponState {
  if (c.status === 'used') return 'used'
  if (c.status === 'expired' || now > c.validTo) return 'expired'
  if (now < c.validFrom) return 'not_yet'
  return 'usable'
}

export function toGiftCouponView(ctx: UseCaseContext, c: MemberCouponRow): MemberCouponView {
  const state = birthdayCouponState(c, ctx.now)
  return {
    id: String(c.id),
    name: c.name,
    kind: c.kind as MemberCouponView['kind'],
    thresholdFen: c.thresholdFen,
    amountOffFen: c.amountOffFen,
    discountPct: c.discountPct,
    maxDiscountFen: c.maxDiscountFen,
    giftName: c.giftName,
    description: c.description,
    minTier: c.minTierCode ? toTierView(tierByCode(ctx.tiers, c.minTierCode)) : null,
    channel: c.channel as MemberCouponView['channel'],
    validFrom: c.validFrom.toISOString(),
    validTo: c.validTo.toISOString(),
    state,
    reason: state === 'used' ? '已使用' : state === 'expired' ? '已过期' : null,
    usedAt: c.usedAt?.toISOString() ?? null,
  }
}

export function toGiftView(ctx: UseCaseContext, g: BirthdayGiftRow): BirthdayGiftView {
  return { year: g.year, issuedAt: g.createdAt.toISOString(), coupon: g.coupon ? toGiftCouponView(ctx, g.coupon) : null, points: g.points }
}
