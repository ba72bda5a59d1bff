import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** The store's fixed UTC+8 (no DST since 1991): times read as the till saw them, whatever the phone's zone. */
const STORE_UTC_OFFSET_MIN = 8 * 60
const inStore = (v: string | number) => dayjs(v).utcOffset(STORE_UTC_OFFSET_MIN)

/** "刚刚", "5 分钟前", "今天 14:03", "昨天 09:12", "03-08 14:03", "2025-12-31 23:59". */
export function formatNotificationTime(iso: string, nowMs: number): string {
  const t = inStore(iso)
  if (!t.isValid()) return ''
  const now = inStore(nowMs)
  const diffMin = now.diff(t, 'minute')
  if (diffMin >= 0 && diffMin < 1) return '刚刚'
  if (diffMin >= 1 && diffMin < 60) return `${diffMin} 分钟前`
  if (t.format('YYYY-MM-DD') === now.format('YYYY-MM-DD')) return `今天 ${t.format('HH:mm')}`
  if (t.format('YYYY-MM-DD') === now.subtract(1, 'day').format('YYYY-MM-DD')) return `昨天 ${t.format('HH:mm')}`
  if (t.year() === now.year()) return t.format('MM-DD HH:mm')
  return t.format('YYYY-MM-DD HH:mm')
}

/** The 我的 row's hint: nothing when all is read, "99+" beyond two digits. */
export function unreadHint(count: number): string | undefined {
  if (count <= 0) return undefined
  return count > 99 ? '99+ 条未读' : `${count} 条未读`
}

/** A request id per tap: a retried recordSubscriptionConsent with it counts once. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}
