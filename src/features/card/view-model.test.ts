import { benefitText, birthdayBannerText, countdownTitle, daysLeftText, discountText, formatYuan, pointsExpiryLine, tierProgress, tierTheme, usableCouponHint } from './view-model'
import type { TierView } from '../../contract/fields'

const silver: TierView = { code: 'silver', name: '银卡', minGrowth: 1000, discountPct: 85 }
const gold: TierView = { code: 'gold', name: '金卡', minGrowth: 5000, discountPct: 80 }

describe('formatYuan', () => {
  it.each([
    [0, '¥0'],
    [1, '¥0.01'],
    [1230, '¥12.30'],
    [12800, '¥128'],
    [123456789, '¥1,234,567.89'],
    [-5050, '-¥50.50'],
  ])('%p fen reads %p', (fen, text) => expect(formatYuan(fen)).toBe(text))
})

describe('tier benefit', () => {
  it('turns discount percent into 折', () => {
    expect(discountText(85)).toBe('8.5 折')
    expect(discountText(90)).toBe('9 折')
    expect(discountText(75)).toBe('7.5 折')
    expect(discountText(100)).toBeNull()
  })
  it('names the tier in the benefit line', () => {
    expect(benefitText(silver)).toBe('银卡会员享 8.5 折')
    expect(benefitText({ ...silver, discountPct: 100 })).toBe('银卡会员消费享积分')
  })
})

describe('tierProgress', () => {
  it('says how much more to spend for the next tier and how far along the member is', () => {
    const p = tierProgress({ tier: silver, nextTier: gold, growth: 1800, growthToNext: 3200, spendToNextFen: 320000 })
    expect(p).toEqual({ percent: 20, text: '再消费 ¥3,200 升级金卡', isTop: false })
  })
  it("uses the server's spendToNextFen, not 1 growth per yuan", () => {
    // A store that gives 2 growth per yuan: 3,200 growth to go costs ¥1,600.
    expect(tierProgress({ tier: silver, nextTier: gold, growth: 1800, growthToNext: 3200, spendToNextFen: 160000 }).text).toBe(
      '再消费 ¥1,600 升级金卡',
    )
    // 0.5 growth per yuan, and an amount with fen.
    expect(tierProgress({ tier: silver, nextTier: gold, growth: 1800, growthToNext: 3, spendToNextFen: 550 }).text).toBe('再消费 ¥5.50 升级金卡')
  })
  it('names the growth still needed when the server cannot price it', () => {
    expect(tierProgress({ tier: silver, nextTier: gold, growth: 1800, growthToNext: 3200, spendToNextFen: null }).text).toBe(
      '再获得 3,200 成长值升级金卡',
    )
    expect(tierProgress({ tier: silver, nextTier: gold, growth: 4000, growthToNext: null, spendToNextFen: null }).text).toBe(
      '再获得 1,000 成长值升级金卡',
    )
  })
  it('clamps to 0..100', () => {
    expect(tierProgress({ tier: silver, nextTier: gold, growth: 9999, growthToNext: 0, spendToNextFen: 0 }).percent).toBe(100)
    expect(tierProgress({ tier: silver, nextTier: gold, growth: 0, growthToNext: 9000, spendToNextFen: 900000 }).percent).toBe(0)
  })
  it('says 已是最高等级 without a next tier', () => {
    expect(tierProgress({ tier: gold, nextTier: null, growth: 30000, growthToNext: null, spendToNextFen: null })).toEqual({
      percent: 100,
      text: '已是最高等级',
      isTop: true,
    })
  })
})

describe('tierTheme', () => {
  it('gives every tier its own card art', () => {
    const backgrounds = (['normal', 'silver', 'gold', 'diamond'] as const).map((c) => tierTheme(c).background)
    expect(new Set(backgrounds).size).toBe(4)
  })
})

describe('coupons on the card', () => {
  it('hints the usable coupons, nothing for none', () => {
    expect(usableCouponHint(0)).toBeUndefined()
    expect(usableCouponHint(2)).toBe('2 张可用')
    expect(usableCouponHint(120)).toBe('99+ 张可用')
  })
  it('says where this year’s birthday gift stands', () => {
    expect(birthdayBannerText({ couponId: null, couponState: null })).toBe('生日礼正在路上，点此查看')
    expect(birthdayBannerText({ couponId: '1', couponState: 'usable' })).toBe('生日礼券已放入券包，点此查看')
    expect(birthdayBannerText({ couponId: '1', couponState: 'used' })).toBe('生日礼已使用，祝您生日快乐')
  })
})

describe('points expiry lines', () => {
  it('says how many points expire on which day, and the countdown in month and day', () => {
    expect(pointsExpiryLine({ points: 860, lastDay: '2026-12-31' })).toBe('860 分将于 2026-12-31 过期')
    expect(pointsExpiryLine({ points: 12345, lastDay: '2026-12-31' })).toBe('12,345 分将于 2026-12-31 过期')
    expect(countdownTitle({ points: 860, lastDay: '2026-12-31' })).toBe('你有 860 分将于 12 月 31 日清零')
    expect(countdownTitle({ points: 5, lastDay: '2027-01-09' })).toBe('你有 5 分将于 1 月 9 日清零')
    expect(daysLeftText(0)).toBe('今天是最后一天')
    expect(daysLeftText(3)).toBe('还剩 3 天')
  })
})
