import { localDateOf } from '../../../domain/birthday/store-calendar'
import { listMemberBirthdayGifts } from '../../db/repositories/birthday-gifts'
import type { UseCaseContext } from '../store-context'
import { birthdayCouponState } from './birthday-coupon-view'

/**
 * Whether the member holds this year's birthday coupon, still usable now: the 🎂 the clerk sees when scanning
 * the member (staffLookupMember's `birthdayCoupon`). For the till's lookup to call.
 */
export async function hasUsableBirthdayCoupon(ctx: UseCaseContext, memberId: number): Promise<boolean> {
  const [latest] = await listMemberBirthdayGifts(ctx.tx, memberId, 1)
  if (!latest?.coupon || latest.year !== localDateOf(ctx.now, ctx.store.timezone).year) return false
  return birthdayCouponState(latest.coupon, ctx.now) === 'usable'
}
