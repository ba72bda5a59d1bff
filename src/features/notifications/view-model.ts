import { formatStoreRelativeTime } from '../common/store-time'

/** A message's time in the store's zone (see formatStoreRelativeTime). */
export const formatNotificationTime = formatStoreRelativeTime

/** The 我的 row's hint: nothing when all is read, "99+" beyond two digits. */
export function unreadHint(count: number): string | undefined {
  if (count <= 0) return undefined
  return count > 99 ? '99+ 条未读' : `${count} 条未读`
}

/** A request id per tap: a retried recordSubscriptionConsent with it counts once. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}
