import { growthToNext, nextTierFor, promotionFor, tierForGrowth, type Tier } from './tiers'

// The store defaults from the product rules, deliberately listed out of order: the rules must sort them.
const tiers: Tier[] = [
  { code: 'gold', name: '金卡', minGrowth: 5000, discountPct: 80 },
  { code: 'normal', name: '普通', minGrowth: 0, discountPct: 90 },
  { code: 'diamond', name: '钻石', minGrowth: 20000, discountPct: 75 },
  { code: 'silver', name: '银卡', minGrowth: 1000, discountPct: 85 },
]

describe('tier rules', () => {
  it.each([
    [0, 'normal'],
    [999, 'normal'],
    [1000, 'silver'],
    [4999, 'silver'],
    [5000, 'gold'],
    [19999, 'gold'],
    [20000, 'diamond'],
    [1_000_000, 'diamond'],
  ])('a member with %i growth is in the %s tier', (growth, code) => {
    expect(tierForGrowth(tiers, growth).code).toBe(code)
  })

  it('names the next tier and the growth still needed to reach it', () => {
    expect(nextTierFor(tiers, 0)?.code).toBe('silver')
    expect(growthToNext(tiers, 0)).toBe(1000)
    expect(nextTierFor(tiers, 1000)?.code).toBe('gold')
    expect(growthToNext(tiers, 1000)).toBe(4000)
    expect(growthToNext(tiers, 4999)).toBe(1)
  })

  it('has no next tier and no growth to go at the top', () => {
    expect(nextTierFor(tiers, 20000)).toBeNull()
    expect(growthToNext(tiers, 25000)).toBeNull()
  })

  it('promotes when growth crosses a threshold, possibly skipping tiers', () => {
    expect(promotionFor(tiers, 'normal', 1000)?.code).toBe('silver')
    expect(promotionFor(tiers, 'normal', 6000)?.code).toBe('gold')
  })

  it('does not promote below the next threshold', () => {
    expect(promotionFor(tiers, 'normal', 999)).toBeNull()
    expect(promotionFor(tiers, 'silver', 4999)).toBeNull()
  })

  it('never demotes a member whose tier is above what their growth reaches', () => {
    expect(promotionFor(tiers, 'gold', 10)).toBeNull()
  })

  it('refuses a store configuration without an entry tier', () => {
    expect(() => tierForGrowth(tiers.filter((t) => t.code !== 'normal'), 10)).toThrow(/misconfigured/)
  })
})
