import { cancelMyRedemption } from './cancel-my-redemption'
import { getMallItem } from './get-mall-item'
import { getMyRedemption } from './get-my-redemption'
import { listMallItems } from './list-mall-items'
import { listMyRedemptions } from './list-my-redemptions'
import { redeemMallItem } from './redeem-mall-item'

/** The points mall for members (积分商城, 我的兑换); pick-ups are the till's (till/operations.ts). */
export const mallOperations = [listMallItems, getMallItem, redeemMallItem, listMyRedemptions, getMyRedemption, cancelMyRedemption]
