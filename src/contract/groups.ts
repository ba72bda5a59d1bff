import type { ApiName } from './index'

/**
 * Which WeChat cloud function serves each operation. WeChat caps the functions of an environment and every
 * function cold-starts and opens its own database pool, so operations are grouped by audience into a handful of
 * functions, called as `wx.cloud.callFunction({ name: group, data: { op, input } })`.
 *
 * The server's operation definitions are the source of truth (`group`, or derived from `access`:
 * src/cloud/app/operation.ts); this map mirrors them for the client, which must not bundle the server registry.
 * src/cloud/app/function-groups.test.ts fails when the two differ. It holds names only, no schemas, so the main
 * package may carry it without carrying the till's contract.
 */
export const FUNCTION_GROUPS = ['member', 'staff', 'console'] as const
export type FunctionGroup = (typeof FUNCTION_GROUPS)[number]

export const OPERATION_GROUPS = {
  whoAmI: 'member',
  openCard: 'member',
  getMyCard: 'member',
  getMemberCode: 'member',
  listPointsHistory: 'member',
  listMyNotifications: 'member',
  markNotificationsRead: 'member',
  getNotificationSettings: 'member',
  recordSubscriptionConsent: 'member',
  staffLookupMember: 'staff',
  staffRecordPurchase: 'staff',
  listClaimableCoupons: 'member',
  claimCoupon: 'member',
  listMyCoupons: 'member',
  getMyCoupon: 'member',
  getMyBirthday: 'member',
  setMyBirthday: 'member',
  staffPreviewCoupon: 'staff',
  staffVerifyCoupon: 'staff',
  staffVoidCouponVerification: 'staff',
  staffGrantCoupon: 'staff',
  staffPreviewRefund: 'staff',
  staffRefundPurchase: 'staff',
  staffCorrectBirthday: 'staff',
  listCouponTemplates: 'console',
  createCouponTemplate: 'console',
  updateCouponTemplate: 'console',
  setCouponTemplateStatus: 'console',
  listMallItems: 'member',
  getMallItem: 'member',
  redeemMallItem: 'member',
  listMyRedemptions: 'member',
  getMyRedemption: 'member',
  cancelMyRedemption: 'member',
  staffPreviewPickup: 'staff',
  staffConfirmPickup: 'staff',
  staffReturnPickup: 'staff',
  listMallItemsAdmin: 'console',
  createMallItem: 'console',
  updateMallItem: 'console',
  setMallItemStatus: 'console',
  listMallRedemptions: 'console',
  uploadMallImage: 'console',
  listStaffNotices: 'console',
  markStaffNoticesRead: 'console',
  listEvents: 'member',
  getEvent: 'member',
  signUpForEvent: 'member',
  cancelMyRegistration: 'member',
  listMyRegistrations: 'member',
  getMyRegistration: 'member',
  submitEventFeedback: 'member',
  listEventsAdmin: 'console',
  getEventAdmin: 'console',
  createEvent: 'console',
  updateEvent: 'console',
  previewEventNotice: 'console',
  publishEvent: 'console',
  cancelEvent: 'console',
  getEventResults: 'console',
  exportEventRoster: 'console',
  staffListDoorEvents: 'staff',
  staffGetDoorList: 'staff',
  staffPreviewTicket: 'staff',
  staffCheckIn: 'staff',
  staffWalkIn: 'staff',
  staffVoidCheckIn: 'staff',
} as const satisfies Record<ApiName, FunctionGroup>
