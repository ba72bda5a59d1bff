import { adminMallItemView, adminRedemptionView, type AdminMallItemView, type AdminRedemptionView } from '../../src/contract/mall-items'

/** 拾光马克杯: 1500 积分, 3 of 10 left (low stock), on sale. Checked against the contract's view. */
export function aMallItem(over: Partial<AdminMallItemView> = {}): AdminMallItemView {
  return adminMallItemView.parse({
    id: '11',
    kind: 'gift',
    name: '拾光马克杯',
    description: null,
    imageKey: 'mall/abc.png',
    imageUrl: '/files/mall/abc.png',
    pointsPrice: 1500,
    couponTemplateId: null,
    couponTemplateName: null,
    stockTotal: 10,
    redeemedCount: 7,
    stockLeft: 3,
    lowStock: true,
    perMemberLimit: 1,
    limitPeriod: 'total',
    maxPerRedemption: 1,
    visibleFrom: null,
    redeemFrom: null,
    redeemUntil: null,
    minTier: null,
    status: 'on_sale',
    sortOrder: 0,
    heldCount: 2,
    updatedAt: '2026-11-20T06:03:00.000Z',
    ...over,
  })
}

export function aRedemption(over: Partial<AdminRedemptionView> = {}): AdminRedemptionView {
  return adminRedemptionView.parse({
    id: '31',
    itemId: '11',
    itemName: '拾光马克杯',
    kind: 'gift',
    quantity: 1,
    points: 1500,
    status: 'held',
    member: { memberNo: '10000001', nickname: '小林', phoneMasked: '138****5678' },
    createdAt: '2026-11-20T02:00:00.000Z',
    pickupExpiresAt: '2026-12-04T16:00:00.000Z',
    pickedUp: null,
    closedAt: null,
    closeReason: null,
    pointsReturned: null,
    ...over,
  })
}
