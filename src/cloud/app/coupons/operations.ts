import { claimCoupon } from './claim-coupon'
import { getMyCoupon } from './get-my-coupon'
import { listClaimableCoupons } from './list-claimable-coupons'
import { listMyCoupons } from './list-my-coupons'
import { staffGrantCoupon } from './staff-grant-coupon'

/** Coupons for members (领券中心, 我的券包) and the manager's grant at the till. */
export const couponsOperations = [listClaimableCoupons, claimCoupon, listMyCoupons, getMyCoupon, staffGrantCoupon]
