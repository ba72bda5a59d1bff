import type { AdminMallItemView } from '../../contract/mall-items'
import type { MallItemKind, MallLimitPeriod, RedemptionStatus } from '../../contract/enums'
import { formatStoreMonthDayTime } from '../common/store-time'

export const KIND_OPTIONS: ReadonlyArray<[MallItemKind, string]> = [
  ['gift', '礼品（到店自取）'],
  ['coupon', '优惠券'],
]

export const PERIOD_OPTIONS: ReadonlyArray<[MallLimitPeriod, string]> = [
  ['total', '累计'],
  ['month', '每月'],
]

export const REDEMPTION_STATUS_LABELS: Record<RedemptionStatus, string> = {
  held: '待领取',
  picked_up: '已领取',
  delivered: '已发券',
  cancelled: '已取消',
  expired: '已过期',
  returned: '已退回',
}

/** The 兑换记录 filter chips: all, then each state. */
export const REDEMPTION_FILTERS: ReadonlyArray<[RedemptionStatus | null, string]> = [
  [null, '全部'],
  ...(Object.entries(REDEMPTION_STATUS_LABELS) as Array<[RedemptionStatus, string]>),
]

export const stockText = (i: Pick<AdminMallItemView, 'stockLeft' | 'stockTotal'>) => `剩余 ${i.stockLeft} / 总库存 ${i.stockTotal}`

/** When it can be redeemed, in the manager's words ("12月1日开兑", "兑换至 12月31日"). */
export function windowText(i: Pick<AdminMallItemView, 'redeemFrom' | 'redeemUntil'>): string {
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
  if (i.redeemFrom && i.redeemUntil) return `${md(i.redeemFrom)} 至 ${md(i.redeemUntil)} 可兑`
  if (i.redeemFrom) return `${md(i.redeemFrom)}开兑`
  if (i.redeemUntil) return `兑换至 ${md(i.redeemUntil)}`
  return '长期可兑'
}

/** 2025-06-15T02:00:00Z → "6月15日 10:00" in the store's zone, whatever the phone's. */
export const timeText = formatStoreMonthDayTime
