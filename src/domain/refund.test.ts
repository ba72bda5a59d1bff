import { refundPlan } from './refund'
import type { Tier } from './tiers'

const tiers: Tier[] = [
  { code: 'normal', name: '普通', minGrowth: 0, discountPct: 100 },
  { code: 'silver', name: '银卡', minGrowth: 1000, discountPct: 95 },
  { code: 'gold', name: '金卡', minGrowth: 5000, discountPct: 90 },
]
const base = { pointsEarned: 300, growthEarned: 300, balance: 1000, growth: 1200, tierCode: 'silver' as const, tiers, lowersTier: true }

describe('refundPlan', () => {
  it('reverses everything the purchase earned when the member still has it', () => {
    expect(refundPlan(base)).toEqual({ pointsToReverse: 300, pointsShortfall: 0, growthToReverse: 300, tierAfter: 'normal' })
  })
  it('never takes the balance below zero: spent points are the shortfall', () => {
    expect(refundPlan({ ...base, balance: 120 })).toMatchObject({ pointsToReverse: 120, pointsShortfall: 180 })
    expect(refundPlan({ ...base, balance: 0 })).toMatchObject({ pointsToReverse: 0, pointsShortfall: 300 })
  })
  it('floors growth at zero', () => {
    expect(refundPlan({ ...base, growth: 100, tierCode: 'normal' })).toMatchObject({ growthToReverse: 100, tierAfter: 'normal' })
  })
  it('keeps the tier at the threshold and when the store keeps tiers until the review', () => {
    expect(refundPlan({ ...base, growth: 1300 }).tierAfter).toBe('silver')
    expect(refundPlan({ ...base, lowersTier: false }).tierAfter).toBe('silver')
  })
  it('never promotes, even when the tier is below what the growth reaches', () => {
    expect(refundPlan({ ...base, growth: 9000, tierCode: 'normal' }).tierAfter).toBe('normal')
  })
})
