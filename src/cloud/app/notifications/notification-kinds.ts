import type { NotificationKind } from '../../../contract/enums'

/** How each kind is named on the subscribe button and in store configuration. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  points_credited: '积分到账通知',
  birthday_gift: '生日礼到账通知',
  coupon_expiring: '优惠券到期提醒',
  points_expiring: '积分过期提醒',
  mall_redemption_expired: '兑换过期通知',
  event_published: '新活动通知',
  event_reminder: '活动提醒',
  event_waitlist: '候补结果通知',
  event_changed: '活动变更通知',
}
