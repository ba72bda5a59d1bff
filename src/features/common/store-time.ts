import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * The store's clock (Asia/Shanghai): times are shown as the till saw them, whatever the phone's zone. China has had
 * a fixed UTC+8 without DST since 1991, so a fixed offset is exact and avoids dayjs/timezone, which needs full Intl
 * time-zone data that some mini-program JS engines lack. (A store in another zone would need the zone from the
 * server here.)
 */
export const STORE_UTC_OFFSET_MIN = 8 * 60
const inStore = (v: string | number) => dayjs(v).utcOffset(STORE_UTC_OFFSET_MIN)

/**
 * A past moment in the store's zone, as lists show it: "刚刚", "5 分钟前" within the hour, "今天 14:03",
 * "昨天 09:12", "03-08 14:03" this year, "2025-12-31 23:59" otherwise; '' for an unreadable time.
 */
export function formatStoreRelativeTime(iso: string, nowMs: number): string {
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

/** A moment in the store's zone as "6月15日 10:00" (the console's lists); '' for an unreadable time. */
export function formatStoreMonthDayTime(iso: string): string {
  const t = inStore(iso)
  return t.isValid() ? `${t.month() + 1}月${t.date()}日 ${t.format('HH:mm')}` : ''
}
