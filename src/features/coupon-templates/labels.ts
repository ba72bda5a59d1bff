import type { CouponChannel, CouponKind, TierCode } from '../../contract/enums'
import type { CouponTemplateView } from '../../contract/coupon-templates'
import { couponConditionText, couponFaceText } from '../../domain/coupons/pricing'

export const KIND_OPTIONS: ReadonlyArray<[CouponKind, string]> = [
  ['amount_off', '满减'],
  ['percent_off', '折扣'],
  ['gift', '兑换'],
]

export const CHANNEL_OPTIONS: ReadonlyArray<[CouponChannel, string]> = [
  ['claim', '领券中心'],
  ['birthday', '生日'],
  ['mall', '积分商城'],
  ['grant', '店员发放'],
]

/** The store's default tier names; the contract carries codes only here. */
export const TIER_OPTIONS: ReadonlyArray<[TierCode | null, string]> = [
  [null, '不限'],
  ['normal', '普通会员'],
  ['silver', '银卡'],
  ['gold', '金卡'],
  ['diamond', '钻石'],
]

export const channelLabel = (c: CouponChannel) => CHANNEL_OPTIONS.find(([k]) => k === c)?.[1] ?? c

export const templateFace = (t: CouponTemplateView) => `${couponFaceText(t)} · ${couponConditionText(t)}`

export function validityText(t: CouponTemplateView): string {
  if (t.validity.kind === 'fixed') return `${t.validity.from} 至 ${t.validity.to}`
  if (t.channel !== 'birthday') return `领取后 ${t.validity.days} 天内有效`
  const tier = TIER_OPTIONS.find(([code]) => code === t.birthdayTierCode)?.[1]
  return t.birthdayTierCode ? `${tier}生日礼 · 生日当月有效` : '生日当月有效'
}

/** "已领 12 / 已用 3 / 共 100" (共 不限 when unlimited). */
export const countsText = (t: CouponTemplateView) => `已领 ${t.claimedCount} · 已用 ${t.usedCount} · 共 ${t.totalQuantity ?? '不限'}`
