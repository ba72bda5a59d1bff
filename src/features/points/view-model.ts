import type { LedgerReason } from '../../contract/enums'
import { formatStoreRelativeTime } from '../common/store-time'

const REASONS: Record<LedgerReason, string> = {
  earn: '消费积分',
  redeem: '积分兑换',
  refund: '退款',
  expire: '积分过期',
  birthday: '生日礼',
  referral: '推荐奖励',
  event: '活动',
  adjust: '调整',
  clawback: '退款扣回',
}

export function reasonLabel(reason: LedgerReason): string {
  return REASONS[reason] ?? '其他'
}

/** +128 / -50 / 0 (numbers always carry a sign except zero). Uses ASCII minus so "-50" is searchable. */
export function signedPoints(delta: number): string {
  if (delta > 0) return `+${delta}`
  return String(delta)
}

/** Ledger time in the store's zone (see formatStoreRelativeTime). */
export const formatLedgerTime = formatStoreRelativeTime
