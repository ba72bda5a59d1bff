import { getNotificationSettings } from './get-notification-settings'
import { listMyNotifications } from './list-my-notifications'
import { markNotificationsRead } from './mark-notifications-read'
import { recordSubscriptionConsent } from './record-subscription-consent'

/** Notifications: the member's 消息 list and their WeChat subscription consents. Delivery is a job (src/cloud/jobs). */
export const notificationsOperations = [listMyNotifications, markNotificationsRead, getNotificationSettings, recordSubscriptionConsent]
