import type { MallBalanceView, MallItemView, RedemptionView } from '../../src/contract/mall'
import type { TillPickupView } from '../../src/contract/till-pickups'
import { tiers } from './fixtures'

/** Page-test data for the points mall and the till's pick-ups, shaped as the contract says (checked by routeCheckedApi). */

export function aBalance(over: Partial<MallBalanceView> = {}): MallBalanceView {
  return { points: 1280, expiring: { points: 860, lastDay: '2026-12-31' }, pointsPerYuan: 1, ...over }
}

export function aMallItem(over: Partial<MallItemView> = {}): MallItemView {
  return {
    id: '21',
    kind: 'gift',
    name: '马克杯',
    imageUrl: null,
    pointsPrice: 1000,
    stockLeft: 30,
    lowStock: false,
    redeemFrom: null,
    redeemUntil: null,
    minTier: null,
    perMemberLimit: null,
    limitPeriod: 'total',
    maxPerRedemption: 5,
    redeemedByMe: 0,
    state: 'redeemable',
    reason: null,
    shortBy: 0,
    spendToAffordFen: null,
    coupon: null,
    ...over,
  }
}

export const goldItem = { minTier: tiers.gold }

export function aRedemption(over: Partial<RedemptionView> = {}): RedemptionView {
  return {
    id: '501',
    itemId: '21',
    kind: 'gift',
    itemName: '马克杯',
    imageUrl: null,
    quantity: 1,
    points: 1000,
    status: 'held',
    createdAt: '2026-11-23T06:00:00.000Z',
    pickupExpiresAt: '2026-12-07T16:00:00.000Z',
    pickedUpAt: null,
    closedAt: null,
    closeReason: null,
    pointsReturned: null,
    couponId: null,
    cancellable: true,
    ...over,
  }
}

export const PICKUP_CODE = 'P112345678901234567890'

export function aTillPickup(over: Partial<TillPickupView> = {}): TillPickupView {
  return {
    id: '501',
    code: PICKUP_CODE,
    itemName: '马克杯',
    imageUrl: null,
    quantity: 1,
    points: 1000,
    status: 'held',
    createdAt: '2026-11-23T06:00:00.000Z',
    pickupExpiresAt: '2026-12-07T16:00:00.000Z',
    pickedUp: null,
    reason: null,
    ...over,
  }
}

export const aHolder = { nickname: '小林', phoneMasked: '138****5678', memberNo: 'M00000042', tier: tiers.silver }
