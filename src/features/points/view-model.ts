import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { LedgerReason } from '../../contract/enums'

dayjs.extend(utc)

/**
 * The store's clock (Asia/Shanghai): ledger times are shown as the till saw them, whatever the phone's zone.
 * China has had a fixed UTC+8 without DST since 1991, so a fixed offset is exact and avoids dayjs/timezone,
 * which needs full Intl time-zone data that some mini-program JS engines lack.
 */
export const STORE_UTC_OFFSET_MIN = 8 * 60
const inStore = (v: string | number) => dayjs(v).utcOffset(STORE_UTC_OFFSET_MIN)

const REASONS: Record<LedgerReason, string> = {
  earn: '消费积分',
  redeem: '积分兑换',
  refund: '退款',
  expire: '积分过期',
  birthday: '生日礼',
  referral: '推荐奖励',
  event: '活动',
  adjust: '调整',
}

export function reasonLabel(reason: LedgerReason): string {
  return REASONS[reason] ?? '其他'
}

/** +128 / -50 / 0 (numbers always carry a sign except zero). Uses ASCII minus so "-50" is searchable. */
export function signedPoints(delta: number): string {
  if (delta > 0) return `+${delta}`
  return String(delta)
}

/**
 * Ledger time in the store's zone: "刚刚", "5 分钟前" within the hour, "今天 14:03", "昨天 09:12",
 * "03-08 14:03" this year, "2025-12-31 23:59" otherwise.
 */
export function formatLedgerTime(iso: string, nowMs: number): string {
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
