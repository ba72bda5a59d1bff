import type { TillPickupView } from '../../contract/till-pickups'
import { storeDateTime } from './coupon-view'

/** What a pick-up is at the till, in the clerk's words (the server's reason first: 已核销 · 11-23 14:02 · 小王). */
const STATUS_TEXT: Record<TillPickupView['status'], string> = {
  held: '待领取',
  picked_up: '已交付',
  delivered: '已发放',
  cancelled: '已取消',
  expired: '已过期',
  returned: '已退回',
}

/** Whether it can be handed over now: held and nothing against it. */
export const canHandOver = (p: TillPickupView): boolean => p.status === 'held' && p.reason === null

export function pickupStatusText(p: TillPickupView): string {
  if (canHandOver(p)) return '可交付'
  if (p.reason) return p.reason
  if (p.pickedUp) return `已交付 · ${storeDateTime(p.pickedUp.at)} · ${p.pickedUp.staffName}`
  return STATUS_TEXT[p.status]
}

/** "马克杯 ×2". */
export const pickupTitle = (p: Pick<TillPickupView, 'itemName' | 'quantity'>): string => `${p.itemName} ×${p.quantity}`

/** The last day to pick it up, in the store's zone (the instant it lapses is the next day's 00:00). */
export function pickupUntilText(p: Pick<TillPickupView, 'pickupExpiresAt'>): string | null {
  if (!p.pickupExpiresAt) return null
  return `领取截止：${storeDateTime(new Date(Date.parse(p.pickupExpiresAt) - 1000).toISOString()).slice(0, 10)}`
}
