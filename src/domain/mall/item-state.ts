import type { MallItemState, MallLimitPeriod } from '../../contract/enums'
import { tierLock, type StateWithReason } from '../coupons/state'
import { localDateOf } from '../local-time'
import { spendForUnits } from '../points'
import type { Tier } from '../tiers'
import { inZone } from '../zone-offset'

/**
 * What a mall item is *now* for one member, with the words the member sees (差 120 分 / 已兑完 / 12月1日 10:00 开兑 /
 * 已结束 / 仅限金卡及以上 / 每人限兑 1 件). Decided from the stored rules at the moment of display; redeeming checks
 * the same rules again by its writes, so the page can be stale but the redemption never is.
 */

export interface MallItemFacts {
  status: string
  pointsPrice: number
  stockTotal: number
  redeemedCount: number
  perMemberLimit: number | null
  limitPeriod: MallLimitPeriod | string
  redeemFrom: Date | null
  /** Inclusive. */
  redeemUntil: Date | null
  minTierCode: string | null
}

export interface MallViewer {
  now: Date
  zone: string
  tiers: readonly Tier[]
  memberTierCode: string
  /** Points usable now (lots already due are not counted). */
  usablePoints: number
  /** Units the member holds in the item's current limit period. */
  redeemedByMe: number
  pointsPerYuan: number
}

export interface MallItemStateView extends StateWithReason<MallItemState> {
  /** Points missing for one unit (0 when affordable). */
  shortBy: number
  /** The spend at the till that earns the shortfall; null when nothing is short or spending earns nothing. */
  spendToAffordFen: number | null
}

export function mallItemState(item: MallItemFacts, at: MallViewer): MallItemStateView {
  const shortBy = Math.max(0, item.pointsPrice - Math.max(0, at.usablePoints))
  const spendToAffordFen = shortBy > 0 ? spendForUnits(shortBy, at.pointsPerYuan) : null
  const of = (state: MallItemState, reason: string | null): MallItemStateView => ({ state, reason, shortBy, spendToAffordFen })
  const now = at.now.getTime()
  if (item.status !== 'on_sale') return of('ended', '已下架')
  if (item.redeemUntil !== null && now > item.redeemUntil.getTime()) return of('ended', '已结束')
  if (item.redeemFrom !== null && now < item.redeemFrom.getTime()) return of('not_started', `${monthDayTimeChinese(item.redeemFrom, at.zone)} 开兑`)
  const locked = tierLock(item.minTierCode, at)
  if (locked) return of('tier_locked', locked)
  if (item.perMemberLimit !== null && at.redeemedByMe >= item.perMemberLimit) return of('limit_reached', limitText(item.perMemberLimit, item.limitPeriod))
  if (item.redeemedCount >= item.stockTotal) return of('sold_out', '已兑完')
  if (shortBy > 0) return of('insufficient', `差 ${shortBy} 分`)
  return of('redeemable', null)
}

/** 每人限兑 1 件, or 本月限兑 2 件 for a monthly limit. */
export function limitText(limit: number, period: MallLimitPeriod | string): string {
  return `${period === 'month' ? '本月' : '每人'}限兑 ${limit} 件`
}

/** The quota period a redemption at `now` counts in: 'total', or the store-time month 'YYYY-MM'. */
export function periodKey(period: MallLimitPeriod | string, now: Date, zone: string): string {
  if (period !== 'month') return 'total'
  const d = localDateOf(now, zone)
  return `${d.year}-${String(d.month).padStart(2, '0')}`
}

/** "12月1日 10:00", store time. */
function monthDayTimeChinese(at: Date, zone: string): string {
  const w = inZone(at.getTime(), zone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${w.getUTCMonth() + 1}月${w.getUTCDate()}日 ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`
}
