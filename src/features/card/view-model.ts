import type { CardView } from '../../contract/card'
import type { TierCode } from '../../contract/enums'
import type { TierView } from '../../contract/fields'

/** Pure presentation rules for the membership card. No Taro, no React: unit-tested in node. */

/** Fen → "¥12.30"; whole yuan drop the decimals ("¥128"). Integer maths only: amounts are fen. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.trunc(fen))
  const yuan = Math.floor(abs / 100)
  const cents = abs % 100
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}¥${grouped}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`
}

/** 85 → "8.5 折", 90 → "9 折". 100 or more means no discount. */
export function discountText(discountPct: number): string | null {
  if (discountPct >= 100 || discountPct <= 0) return null
  const tenths = discountPct / 10
  return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1).replace(/0$/, '')} 折`
}

export function benefitText(tier: TierView): string {
  const d = discountText(tier.discountPct)
  return d ? `${tier.name}会员享 ${d}` : `${tier.name}会员消费享积分`
}

export interface TierProgress {
  /** 0..100 */
  percent: number
  text: string
  isTop: boolean
}

/**
 * Progress from this tier's threshold to the next one. What it costs to get there is the server's spendToNextFen
 * (growth to go at the store's growth-per-yuan setting): the client does not assume 1 growth per yuan. Without
 * it (a store that earns no growth from purchases) the line names the growth still needed instead.
 */
export function tierProgress(
  card: Pick<CardView, 'tier' | 'nextTier' | 'growth' | 'growthToNext' | 'spendToNextFen'>,
): TierProgress {
  if (!card.nextTier) return { percent: 100, text: '已是最高等级', isTop: true }
  const span = card.nextTier.minGrowth - card.tier.minGrowth
  const toGo = Math.max(0, card.growthToNext ?? card.nextTier.minGrowth - card.growth)
  const done = span > 0 ? span - toGo : 0
  const percent = span > 0 ? Math.min(100, Math.max(0, Math.round((done / span) * 100))) : 0
  const text =
    card.spendToNextFen !== null
      ? `再消费 ${formatYuan(Math.max(0, card.spendToNextFen))} 升级${card.nextTier.name}`
      : `再获得 ${formatCount(toGo)} 成长值升级${card.nextTier.name}`
  return { percent, text, isTop: false }
}

export interface TierTheme {
  className: string
  /** CSS gradient for the card face, also used inline where classes don't reach. */
  background: string
  textColor: string
}

const THEMES: Record<TierCode, TierTheme> = {
  normal: { className: 'tier-normal', background: 'linear-gradient(135deg, #5b6472 0%, #2f3640 100%)', textColor: '#ffffff' },
  silver: { className: 'tier-silver', background: 'linear-gradient(135deg, #e3e7ec 0%, #9aa4b1 100%)', textColor: '#1f2933' },
  gold: { className: 'tier-gold', background: 'linear-gradient(135deg, #f6d88b 0%, #c8963e 100%)', textColor: '#3d2a05' },
  diamond: { className: 'tier-diamond', background: 'linear-gradient(135deg, #3a2f6b 0%, #0d1b3d 60%, #1b4d7a 100%)', textColor: '#e8f1ff' },
}

export function tierTheme(code: TierCode): TierTheme {
  return THEMES[code] ?? THEMES.normal
}

/** "M000123" → "M000 123"? Member numbers are shown as the server gives them; only trimmed. */
export function displayMemberNo(memberNo: string): string {
  return memberNo.trim()
}

/** 12345 → "12,345" */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** The card's 券包 row hint: "3 张可用", nothing when none. */
export function usableCouponHint(count: number): string | undefined {
  if (count <= 0) return undefined
  return count > 99 ? '99+ 张可用' : `${count} 张可用`
}

/** The 生日快乐 banner's second line in the birth month, by the state of this year's gift coupon. */
export function birthdayBannerText(month: NonNullable<CardView['birthdayMonth']>): string {
  switch (month.couponState) {
    case 'usable':
      return '生日礼券已放入券包，点此查看'
    case 'not_yet':
      return '生日礼券已到账，点此查看'
    case 'used':
      return '生日礼已使用，祝您生日快乐'
    case 'expired':
      return '本月生日礼已过期'
    default:
      return '生日礼正在路上，点此查看'
  }
}

type PointsExpiry = NonNullable<CardView['pointsExpiry']>

/** Under the balance: "860 分将于 2026-12-31 过期". */
export function pointsExpiryLine(e: Pick<PointsExpiry, 'points' | 'lastDay'>): string {
  return `${formatCount(e.points)} 分将于 ${e.lastDay} 过期`
}

/** The 清零倒计时 title: "你有 860 分将于 12 月 31 日清零". */
export function countdownTitle(e: Pick<PointsExpiry, 'points' | 'lastDay'>): string {
  const [, month, day] = e.lastDay.split('-').map(Number)
  return `你有 ${formatCount(e.points)} 分将于 ${month} 月 ${day} 日清零`
}

/** "还剩 3 天" / "今天是最后一天". */
export function daysLeftText(daysLeft: number): string {
  return daysLeft <= 0 ? '今天是最后一天' : `还剩 ${daysLeft} 天`
}
