import type { ClaimState, CouponState, TierCode } from '../../contract/enums'
import { daysBetween, localDateOf } from '../local-time'
import { sortTiers, type Tier } from '../tiers'
import { inZone } from '../zone-offset'

/**
 * What a coupon or a claimable template is *now*, for one member, with the reason in the words the member and
 * the clerk see. Computed from stored status and dates at the moment of display or use (never from a job having
 * run), so the wallet, the till and the verification itself can never disagree.
 */

export interface CouponFacts {
  status: 'available' | 'used' | 'expired' | string
  validFrom: Date
  validTo: Date
  usedAt: Date | null
  minTierCode: string | null
}

export interface Viewer {
  now: Date
  zone: string
  tiers: readonly Tier[]
  memberTierCode: string
}

export interface StateWithReason<S> {
  state: S
  reason: string | null
}

export function couponState(c: CouponFacts, at: Viewer): StateWithReason<CouponState> {
  if (c.status === 'used') return { state: 'used', reason: c.usedAt ? `已于 ${monthDayTime(c.usedAt, at.zone)} 核销` : '已核销' }
  if (c.status === 'expired' || at.now.getTime() > c.validTo.getTime()) {
    return { state: 'expired', reason: `已于 ${monthDay(c.validTo, at.zone)} 过期` }
  }
  if (at.now.getTime() < c.validFrom.getTime()) return { state: 'not_yet', reason: startsText(c.validFrom, at) }
  const tierReason = tierLock(c.minTierCode, at)
  if (tierReason) return { state: 'not_yet', reason: tierReason }
  return { state: 'usable', reason: null }
}

export interface ClaimFacts {
  status: 'active' | 'stopped' | string
  claimStartsAt: Date | null
  claimEndsAt: Date | null
  /** A fixed use window's end: claiming after it would hand out a dead coupon. */
  useEndsAt: Date | null
  totalQuantity: number | null
  claimedCount: number
  perMemberLimit: number
  minTierCode: string | null
}

/** The 领券中心's button for one member: 可领 / 已领 / 已抢光 / 未开始 / 仅限金卡 / 已结束. */
export function claimState(t: ClaimFacts, at: Viewer & { claimedByMe: number }): StateWithReason<ClaimState> {
  const now = at.now.getTime()
  const ended =
    t.status !== 'active' ||
    (t.claimEndsAt !== null && now > t.claimEndsAt.getTime()) ||
    (t.useEndsAt !== null && now > t.useEndsAt.getTime())
  if (ended) return { state: 'ended', reason: '已结束' }
  if (at.claimedByMe >= t.perMemberLimit) return { state: 'claimed', reason: t.perMemberLimit > 1 ? `已领 ${at.claimedByMe} 张` : '已领取' }
  if (t.totalQuantity !== null && t.claimedCount >= t.totalQuantity) return { state: 'sold_out', reason: '已抢光' }
  if (t.claimStartsAt !== null && now < t.claimStartsAt.getTime()) {
    return { state: 'not_started', reason: `${monthDayTimeChinese(t.claimStartsAt, at.zone)} 开抢` }
  }
  const tierReason = tierLock(t.minTierCode, at)
  if (tierReason) return { state: 'tier_locked', reason: tierReason }
  return { state: 'claimable', reason: null }
}

/** "仅限金卡及以上" when the member's tier is below the minimum (the top tier reads "仅限钻石"), or null. */
export function tierLock(minTierCode: string | null, at: Pick<Viewer, 'tiers' | 'memberTierCode'>): string | null {
  if (!minTierCode) return null
  const sorted = sortTiers(at.tiers)
  const min = sorted.findIndex((t) => t.code === minTierCode)
  const mine = sorted.findIndex((t) => t.code === (at.memberTierCode as TierCode))
  if (min < 0 || mine >= min) return null
  return `仅限${sorted[min].name}${min === sorted.length - 1 ? '' : '及以上'}`
}

function startsText(validFrom: Date, at: Viewer): string {
  const days = daysBetween(localDateOf(at.now, at.zone), localDateOf(validFrom, at.zone))
  if (days === 0) return `今天 ${hourMinute(validFrom, at.zone)} 起可用`
  if (days === 1) return '明天起可用'
  const d = localDateOf(validFrom, at.zone)
  return `${d.month}月${d.day}日起可用`
}

const pad = (n: number) => String(n).padStart(2, '0')

function monthDay(at: Date, zone: string): string {
  const w = inZone(at.getTime(), zone)
  return `${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`
}

function hourMinute(at: Date, zone: string): string {
  const w = inZone(at.getTime(), zone)
  return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`
}

/** "11-20 14:03", store time. */
export function monthDayTime(at: Date, zone: string): string {
  return `${monthDay(at, zone)} ${hourMinute(at, zone)}`
}

function monthDayTimeChinese(at: Date, zone: string): string {
  const w = inZone(at.getTime(), zone)
  return `${w.getUTCMonth() + 1}月${w.getUTCDate()}日 ${hourMinute(at, zone)}`
}
