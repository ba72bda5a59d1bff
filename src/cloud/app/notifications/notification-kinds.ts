import type { NotificationKind } from '../../../contract/enums'

/** How each kind is named on the subscribe button and in store configuration. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  points_credited: '积分到账通知',
}
