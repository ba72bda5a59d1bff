import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { ClaimableCouponView, CouponTermsView, MemberCouponView } from '../../contract/coupons'
import { formatCouponCode } from '../../domain/coupons/code'
import { couponConditionText, couponFaceText, yuanText, type CouponTerms } from '../../domain/coupons/pricing'
import type { ClaimState, CouponState } from '../../contract/enums'
import { STORE_UTC_OFFSET_MIN } from '../common/store-time'

dayjs.extend(utc)

/**
 * Pure presentation rules for coupons (no Taro, no React: unit-tested in node). Whether a coupon can be used is
 * the server's answer (state + reason, from its stored dates at the moment of the call); these functions only say it.
 */

/** 88 → "8.8", 80 → "8", 5 → "0.5" (the percentage paid, as a Chinese 折). */
export function zheNumber(discountPct: number): string {
  const tenths = discountPct / 10
  return Number.isInteger(tenths) ? String(tenths) : String(Math.round(discountPct) / 10)
}

type Terms = CouponTerms

// The face and condition texts are the shared domain rules (the till shows the same words).
export { couponConditionText, couponFaceText, formatCouponCode }

/** The face split for styling: a small "¥" before a big "30", or a big "8.8" before a small "折". */
export function couponFaceParts(t: Terms): { prefix: string; value: string; suffix: string } {
  if (t.kind === 'amount_off') return { prefix: '¥', value: yuanText(t.amountOffFen ?? 0), suffix: '' }
  if (t.kind === 'percent_off') return { prefix: '', value: zheNumber(t.discountPct ?? 100), suffix: '折' }
  return { prefix: '', value: '兑换', suffix: '' }
}

/** 满减 / 折扣 / 兑换: the kind as a small tag. */
export function couponKindLabel(kind: CouponTermsView['kind']): string {
  return kind === 'amount_off' ? '满减券' : kind === 'percent_off' ? '折扣券' : '兑换券'
}

const inStore = (v: string | number) => dayjs(v).utcOffset(STORE_UTC_OFFSET_MIN)
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** A store-zone time, without the year when it is this year's: "11-30 23:59" / "2027-01-05 23:59". */
export function storeDateTime(iso: string, nowMs: number): string {
  const t = inStore(iso)
  if (!t.isValid()) return ''
  return t.year() === inStore(nowMs).year() ? t.format('MM-DD HH:mm') : t.format('YYYY-MM-DD HH:mm')
}

/** A calendar date ("2026-11-30", or a moment read in the store's zone) as "11.30", with the year when not this year's. */
export function storeDate(value: string, nowMs: number): string {
  const ymd = DATE_ONLY.test(value) ? value : inStore(value).isValid() ? inStore(value).format('YYYY-MM-DD') : ''
  if (!ymd) return ''
  const [y, m, d] = ymd.split('-')
  return Number(y) === inStore(nowMs).year() ? `${m}.${d}` : `${y}.${m}.${d}`
}

/**
 * A member coupon's validity line: "有效期至 11-30 23:59"; one not usable yet names its window
 * ("12-01 00:00 至 12-31 23:59"); one used says when.
 */
export function couponValidityText(c: Pick<MemberCouponView, 'validFrom' | 'validTo' | 'state' | 'usedAt'>, nowMs: number): string {
  if (c.state === 'used' && c.usedAt) return `${storeDateTime(c.usedAt, nowMs)} 已使用`
  if (c.state === 'not_yet') return `${storeDateTime(c.validFrom, nowMs)} 至 ${storeDateTime(c.validTo, nowMs)}`
  if (c.state === 'expired') return `已于 ${storeDateTime(c.validTo, nowMs)} 过期`
  return `有效期至 ${storeDateTime(c.validTo, nowMs)}`
}

/** The calendar day (store zone) of a moment, as a day number, for whole-day differences. */
function storeDayNumber(v: string | number): number {
  const t = inStore(v)
  return Math.floor(Date.UTC(t.year(), t.month(), t.date()) / 86_400_000)
}

/** A usable coupon ending within 3 store days: "今天到期" / "明天到期" / "3天后到期"; otherwise null. */
export function expiryHint(validTo: string, nowMs: number): string | null {
  const end = Date.parse(validTo)
  if (Number.isNaN(end) || end < nowMs) return null
  const days = storeDayNumber(validTo) - storeDayNumber(nowMs)
  if (days <= 0) return '今天到期'
  if (days === 1) return '明天到期'
  if (days <= 3) return `${days}天后到期`
  return null
}

/** A template's use window as the 领券中心 shows it: "11.01-11.30 可用" / "领取后 7 天内有效". */
export function claimableValidityText(v: ClaimableCouponView['validity'], nowMs: number): string {
  if (v.kind === 'days') return v.validDays === 1 ? '领取当天有效' : `领取后 ${v.validDays ?? 0} 天内有效`
  if (v.validFrom && v.validTo) return `${storeDate(v.validFrom, nowMs)}-${storeDate(v.validTo, nowMs)} 可用`
  if (v.validTo) return `${storeDate(v.validTo, nowMs)} 前可用`
  return ''
}

export interface StockView {
  /** "剩余 12 张", or null when unlimited. */
  text: string | null
  /** Share already claimed, 0..100 (for the bar), or null when unlimited. */
  claimedPercent: number | null
}

/** Remaining stock: the count and how much of the total is gone (a limited coupon shows a bar). */
export function stockView(c: Pick<ClaimableCouponView, 'remaining' | 'totalQuantity'>): StockView {
  if (c.remaining === null || c.totalQuantity === null || c.totalQuantity <= 0) return { text: null, claimedPercent: null }
  const remaining = Math.max(0, Math.min(c.remaining, c.totalQuantity))
  const claimedPercent = Math.round(((c.totalQuantity - remaining) / c.totalQuantity) * 100)
  return { text: remaining > 0 ? `剩余 ${remaining} 张` : '已抢光', claimedPercent }
}

const CLAIM_LABELS: Record<ClaimState, string> = {
  claimable: '立即领取',
  claimed: '已领取',
  sold_out: '已抢光',
  not_started: '未开始',
  tier_locked: '等级不足',
  ended: '已结束',
}

/** The 领券中心 button: what it says and whether it can be tapped. 仅限金卡 / 12月1日 10:00 开抢 come as the reason. */
export function claimButton(c: Pick<ClaimableCouponView, 'state' | 'reason' | 'minTier'>): { label: string; enabled: boolean; reason: string | null } {
  const label = c.state === 'tier_locked' && c.minTier ? `仅限${c.minTier.name}` : CLAIM_LABELS[c.state] ?? '不可领取'
  // The server's reason when it says more than the button (12月1日 10:00 开抢, 已领 2 张), not 仅限金卡 twice.
  const reason = c.reason && !c.reason.startsWith(label) ? c.reason : null
  return { label, enabled: c.state === 'claimable', reason }
}

/** After a claim: one more of mine, one fewer left, and the state the server would now give. */
export function afterClaim(c: ClaimableCouponView): ClaimableCouponView {
  const claimedByMe = c.claimedByMe + 1
  const remaining = c.remaining === null ? null : Math.max(0, c.remaining - 1)
  const state: ClaimState = claimedByMe >= c.perMemberLimit ? 'claimed' : remaining === 0 ? 'sold_out' : 'claimable'
  // The server's words for the same states (src/domain/coupons/state.ts claimState).
  const reason = state === 'claimed' ? (c.perMemberLimit > 1 ? `已领 ${claimedByMe} 张` : '已领取') : state === 'sold_out' ? '已抢光' : null
  return { ...c, claimedByMe, remaining, state, reason }
}

/** What a claim error means for the card on screen (the list reloads anyway; this avoids a wrong button meanwhile). */
export function stateAfterClaimError(code: string): ClaimState | null {
  switch (code) {
    case 'COUPON_SOLD_OUT':
      return 'sold_out'
    case 'COUPON_LIMIT_REACHED':
      return 'claimed'
    case 'COUPON_CLAIM_NOT_STARTED':
      return 'not_started'
    case 'COUPON_CLAIM_ENDED':
    case 'COUPON_STOPPED':
      return 'ended'
    case 'COUPON_TIER_LOCKED':
      return 'tier_locked'
    default:
      return null
  }
}

const STATE_LABELS: Record<CouponState, string> = { usable: '可使用', not_yet: '未到使用时间', used: '已使用', expired: '已过期' }
export const couponStateLabel = (s: CouponState): string => STATE_LABELS[s] ?? ''

/** A wallet coupon is greyed when it cannot be used now, and says why (the server's reason, or the state). */
export function walletStatus(c: Pick<MemberCouponView, 'state' | 'reason'>): { greyed: boolean; note: string | null } {
  if (c.state === 'usable') return { greyed: Boolean(c.reason), note: c.reason }
  return { greyed: true, note: c.reason ?? couponStateLabel(c.state) }
}

/** Whether the detail page shows the code for the till: only for a coupon that is usable now. */
export const showsCode = (c: Pick<MemberCouponView, 'state' | 'reason' | 'code'>): boolean => c.state === 'usable' && !c.reason && Boolean(c.code)

/** The tab badge: "可用 3"; beyond 99 "99+". */
export function tabTitle(label: string, count: number | undefined): string {
  if (count === undefined || count <= 0) return label
  return `${label} ${count > 99 ? '99+' : count}`
}
