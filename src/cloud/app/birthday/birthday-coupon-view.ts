import type { BirthdayGiftView } from '../../../contract'
import type { CouponState } from '../../../contract/enums'
import { couponState } from '../../../domain/coupons/state'
import type { BirthdayGiftRow } from '../../db/repositories/birthday-gifts'
import type { MemberCouponRow } from '../../db/repositories/member-coupons'
import type { MemberRow } from '../../db/repositories/members'
import { toMemberCouponView } from '../coupons/coupon-view'
import type { UseCaseContext } from '../store-context'

/** A gift coupon's state now, for this member (from its stored dates: never from a job having run). */
export function giftCouponState(ctx: UseCaseContext, c: MemberCouponRow, member: Pick<MemberRow, 'tierCode'>): CouponState {
  return couponState(c, { now: ctx.now, zone: ctx.store.timezone, tiers: ctx.tiers, memberTierCode: member.tierCode }).state
}

export function toGiftView(ctx: UseCaseContext, g: BirthdayGiftRow, member: Pick<MemberRow, 'tierCode'>): BirthdayGiftView {
  return { year: g.year, issuedAt: g.createdAt.toISOString(), coupon: g.coupon ? toMemberCouponView(ctx, g.coupon, member.tierCode) : null, points: g.points }
}
