import { localDateOf } from '../../../domain/local-time'
import { listMemberBirthdayGifts } from '../../db/repositories/birthday-gifts'
import type { UseCaseContext } from '../store-context'
import type { MemberRow } from '../../db/repositories/members'
import { giftCouponState } from './birthday-coupon-view'

/**
 * Whether the member holds this year's birthday coupon, still usable now: the 🎂 the clerk sees when scanning
 * the member (staffLookupMember's `birthdayCoupon`). For the till's lookup to call.
 */
export async function hasUsableBirthdayCoupon(ctx: UseCaseContext, member: MemberRow): Promise<boolean> {
  const [latest] = await listMemberBirthdayGifts(ctx.tx, member.id, 1)
  if (!latest?.coupon || latest.year !== localDateOf(ctx.now, ctx.store.timezone).year) return false
  return giftCouponState(ctx, latest.coupon, member) === 'usable'
}
