import { birthdayText, giftStateText, giftSummary, giftUsable, monthEndCountdown } from './view-model'

const coupon = {
  id: '9',
  name: '生日券',
  kind: 'amount_off' as const,
  thresholdFen: 10000,
  amountOffFen: 3000,
  discountPct: null,
  maxDiscountFen: null,
  giftName: null,
  description: null,
  minTier: null,
  channel: 'birthday' as const,
  validFrom: '2026-11-01T00:00:00.000Z',
  validTo: '2026-11-30T15:59:59.999Z',
  state: 'usable' as const,
  reason: null,
  usedAt: null,
}

describe('生日礼 view-model', () => {
  it('counts down to the end of the birth month in whole units, never more than is left', () => {
    const end = '2026-11-30T15:59:59.999Z' // 23:59:59.999 on 30 Nov, store time
    expect(monthEndCountdown(end, Date.parse('2026-11-20T02:00:00.000Z'))).toBe('还剩 10 天 13 小时')
    expect(monthEndCountdown(end, Date.parse('2026-11-30T10:00:00.000Z'))).toBe('还剩 5 小时 59 分')
    // 23:59:00 store time: under a minute left still says a minute, not 0.
    expect(monthEndCountdown(end, Date.parse('2026-11-30T15:59:30.000Z'))).toBe('还剩 1 分钟')
    // 00:00:00 on 1 December: over.
    expect(monthEndCountdown(end, Date.parse('2026-11-30T16:00:00.000Z'))).toBe('已结束')
    expect(monthEndCountdown('not a date', 0)).toBe('')
  })

  it('counts across the year end (31 December)', () => {
    expect(monthEndCountdown('2026-12-31T15:59:59.999Z', Date.parse('2026-12-31T15:00:00.000Z'))).toBe('还剩 59 分钟')
  })

  it('writes the birthday with or without its year', () => {
    expect(birthdayText({ month: 2, day: 29 })).toBe('2 月 29 日')
    expect(birthdayText({ month: 3, day: 8, year: 1990 })).toBe('1990 年 3 月 8 日')
  })

  it('sums up a gift and its state', () => {
    expect(giftSummary({ coupon, points: 100 })).toBe('生日券（¥30，满100可用） + 100 积分')
    expect(giftSummary({ coupon: null, points: 200 })).toBe('200 积分')
    expect(giftStateText({ coupon })).toBe('可使用')
    expect(giftStateText({ coupon: { ...coupon, state: 'used', reason: '已于 11-20 14:03 核销' } })).toBe('已于 11-20 14:03 核销')
    expect(giftUsable({ coupon })).toBe(true)
    expect(giftUsable({ coupon: { ...coupon, state: 'expired' } })).toBe(false)
    expect(giftUsable(null)).toBe(false)
  })
})
