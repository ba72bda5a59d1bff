import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { MallBalanceView, MallItemView, RedemptionView } from '../../contract/mall'
import type { RedemptionStatus } from '../../contract/enums'
import { formatCount, formatYuan } from '../card/view-model'
import { STORE_UTC_OFFSET_MIN } from '../common/store-time'

dayjs.extend(utc)

/**
 * Pure presentation rules for the points mall (no Taro, no React: unit-tested in node). Whether an item can be
 * redeemed is the server's answer (state + reason, from its stored rules at the moment of the call); these
 * functions only say it in the page's words.
 */

const inStore = (v: string | number) => dayjs(v).utcOffset(STORE_UTC_OFFSET_MIN)

/** 1280 → "1,280". */
export const pointsText = (points: number): string => formatCount(points)

/** "860 分将于 2026-12-31 过期", or null when nothing expires. */
export function expiringText(balance: MallBalanceView): string | null {
  if (!balance.expiring || balance.expiring.points <= 0) return null
  return `${pointsText(balance.expiring.points)} 分将于 ${balance.expiring.lastDay} 过期`
}

/** "仅剩 3 件" when the store calls the stock low, "已兑完" at zero, nothing otherwise. */
export function stockText(item: Pick<MallItemView, 'stockLeft' | 'lowStock'>): string | null {
  if (item.stockLeft <= 0) return '已兑完'
  if (item.lowStock) return `仅剩 ${item.stockLeft} 件`
  return null
}

/** "12月1日 10:00" in the store's zone, without the year when it is this year's. */
function monthDay(iso: string, nowMs: number, withTime: boolean): string {
  const t = inStore(iso)
  if (!t.isValid()) return ''
  const year = t.year() === inStore(nowMs).year() ? '' : `${t.year()}年`
  return `${year}${t.month() + 1}月${t.date()}日${withTime ? ` ${t.format('HH:mm')}` : ''}`
}

/**
 * The redemption window as a line: before it opens "12月1日开兑" (the server's reason, which has the time), while
 * open "兑换截止 12月31日 23:59", nothing for an item without an end.
 */
export function windowText(item: Pick<MallItemView, 'state' | 'reason' | 'redeemFrom' | 'redeemUntil'>, nowMs: number): string | null {
  if (item.state === 'not_started') return item.reason ?? (item.redeemFrom ? `${monthDay(item.redeemFrom, nowMs, true)} 开兑` : null)
  if (item.state === 'ended') return item.reason ?? '已结束'
  // redeemUntil is the instant the window closes: the last moment shown is just before it.
  if (item.redeemUntil) return `兑换截止 ${monthDay(new Date(Date.parse(item.redeemUntil) - 1000).toISOString(), nowMs, true)}`
  return null
}

/** "每人限兑 1 件" / "每人每月限兑 2 件", or null without a limit. */
export function limitText(item: Pick<MallItemView, 'perMemberLimit' | 'limitPeriod'>): string | null {
  if (item.perMemberLimit === null) return null
  return item.limitPeriod === 'month' ? `每人每月限兑 ${item.perMemberLimit} 件` : `每人限兑 ${item.perMemberLimit} 件`
}

export type Affordance =
  | { kind: 'redeem' }
  | { kind: 'short'; shortText: string; percent: number; spendText: string | null }
  | { kind: 'blocked'; label: string }

const BLOCKED_LABELS: Record<Exclude<MallItemView['state'], 'redeemable' | 'insufficient'>, string> = {
  sold_out: '已兑完',
  not_started: '未开始',
  ended: '已结束',
  tier_locked: '等级不足',
  limit_reached: '已达上限',
}

/**
 * What the item's action says for this member: 立即兑换; or "差 120 分可兑" with the progress (balance / price) and
 * "再消费 ¥12 即可兑换"; or why not (已兑完, 仅限金卡 …: the server's reason first).
 */
export function affordance(item: MallItemView, balancePoints: number): Affordance {
  if (item.state === 'redeemable') return { kind: 'redeem' }
  if (item.state === 'insufficient') {
    const percent = item.pointsPrice > 0 ? Math.max(0, Math.min(100, Math.floor((balancePoints / item.pointsPrice) * 100))) : 0
    const spendText = item.spendToAffordFen ? `再消费 ${formatYuan(item.spendToAffordFen)} 即可兑换` : null
    return { kind: 'short', shortText: `差 ${pointsText(item.shortBy)} 分可兑`, percent, spendText }
  }
  return { kind: 'blocked', label: item.reason ?? BLOCKED_LABELS[item.state] }
}

/**
 * The stepper's top: the per-redemption maximum, what the balance pays for, the stock, and what the per-member
 * limit leaves (the server enforces all of these again; this only keeps the member from asking for a refusal).
 * 0 when not even one unit can be redeemed.
 */
export function maxQuantity(item: MallItemView, balancePoints: number): number {
  const affordable = item.pointsPrice > 0 ? Math.floor(balancePoints / item.pointsPrice) : item.maxPerRedemption
  const limitLeft = item.perMemberLimit === null ? Number.POSITIVE_INFINITY : item.perMemberLimit - item.redeemedByMe
  return Math.max(0, Math.min(item.maxPerRedemption, affordable, item.stockLeft, limitLeft))
}

/** "确认用 1,500 积分兑换 马克杯 ×1？" */
export function confirmText(item: Pick<MallItemView, 'name' | 'pointsPrice'>, quantity: number): string {
  return `确认用 ${pointsText(item.pointsPrice * quantity)} 积分兑换 ${item.name} ×${quantity}？`
}

export const STATUS_LABELS: Record<RedemptionStatus, string> = {
  held: '待领取',
  picked_up: '已领取',
  delivered: '已发放',
  cancelled: '已取消',
  expired: '已过期',
  returned: '已退回',
}

/** 'P1 2345 6789 0123 4567 8901': the pick-up code in groups of four after its prefix, to read aloud. */
export function formatPickupCode(code: string): string {
  const body = code.slice(2)
  return [code.slice(0, 2), ...(body.match(/.{1,4}/g) ?? [])].join(' ')
}

/**
 * "请在 2026-12-01 前到店领取": pickupExpiresAt is the instant the pick-up lapses (the day after the last day, 00:00
 * store time), so the last day shown is the store date of the moment just before it.
 */
export function pickupDeadlineText(pickupExpiresAt: string | null): string | null {
  if (!pickupExpiresAt) return null
  const end = Date.parse(pickupExpiresAt)
  if (Number.isNaN(end)) return null
  return `请在 ${inStore(end - 1).format('YYYY-MM-DD')} 前到店领取`
}

/** A moment in the store's zone: "2026-11-23 14:02". */
export const storeTimeText = (iso: string): string => inStore(iso).format('YYYY-MM-DD HH:mm')

/** The one line under a redemption in lists and on its page, by its status. */
export function redemptionNote(r: RedemptionView): string | null {
  switch (r.status) {
    case 'held':
      return pickupDeadlineText(r.pickupExpiresAt)
    case 'picked_up':
      return r.pickedUpAt ? `已领取 · ${storeTimeText(r.pickedUpAt)}` : '已领取'
    case 'delivered':
      return '优惠券已放入券包'
    case 'cancelled':
    case 'expired':
    case 'returned':
      return r.pointsReturned ? `${pointsText(r.pointsReturned)} 积分已退回` : null
  }
}
