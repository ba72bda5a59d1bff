import type { BirthdayGiftView, BirthdayPageView } from '../../contract/birthday'
import { couponConditionText, couponFaceText, couponStateLabel } from '../coupons/view-model'

/** Pure presentation rules for the 生日礼 page (no Taro, no React: unit-tested in node). */

/** "3 月 8 日", with the year when the member gave one. */
export function birthdayText(b: NonNullable<BirthdayPageView['birthday']>): string {
  return b.year ? `${b.year} 年 ${b.month} 月 ${b.day} 日` : `${b.month} 月 ${b.day} 日`
}

/**
 * The countdown to the end of the birth month (the gift's last moment, 23:59:59 store time, from the server):
 * "还剩 12 天 5 小时", "还剩 5 小时 3 分", "还剩 3 分钟", "已结束". Whole units, rounded down, so it never promises
 * more time than there is.
 */
export function monthEndCountdown(monthEndsAt: string, nowMs: number): string {
  const end = Date.parse(monthEndsAt)
  if (Number.isNaN(end)) return ''
  const left = end - nowMs
  if (left <= 0) return '已结束'
  const minutes = Math.floor(left / 60_000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return `还剩 ${days} 天 ${hours} 小时`
  if (hours > 0) return `还剩 ${hours} 小时 ${mins} 分`
  return `还剩 ${Math.max(1, mins)} 分钟`
}

/** How often the countdown needs redrawing: every minute is enough for its resolution. */
export const COUNTDOWN_TICK_MS = 30_000

/** One gift in a line: "¥30 满200可用 · 100 积分", or only the points, or only the coupon. */
export function giftSummary(g: Pick<BirthdayGiftView, 'coupon' | 'points'>): string {
  const parts: string[] = []
  if (g.coupon) parts.push(`${g.coupon.name}（${couponFaceText(g.coupon)}，${couponConditionText(g.coupon)}）`)
  if (g.points > 0) parts.push(`${g.points} 积分`)
  return parts.join(' + ') || '生日礼'
}

/** The gift coupon's state as the page says it: 可使用 / 已使用 / 已过期 / 未到使用时间. */
export function giftStateText(g: Pick<BirthdayGiftView, 'coupon'>): string | null {
  if (!g.coupon) return null
  return g.coupon.reason ?? couponStateLabel(g.coupon.state)
}

/** Whether this year's gift coupon can be taken to the till now (the big 去使用 button). */
export const giftUsable = (g: Pick<BirthdayGiftView, 'coupon'> | null): boolean => Boolean(g?.coupon && g.coupon.state === 'usable' && !g.coupon.reason)
