import type { TierCode } from '../contract/enums'
import { sortTiers, tierForGrowth, type Tier } from './tiers'

/**
 * What refunding a purchase in full takes back. The points it earned are reversed, but never below a zero
 * balance: points the member has already spent are forgiven (the shortfall), recorded and shown to the manager
 * before confirming, because taking them back would mean a negative balance or reaching into points earned
 * elsewhere. Growth is reversed the same way (floored at 0). The tier follows the growth down when the store says
 * so (`lowersTier`), never up; otherwise it is kept until the yearly review.
 */
export interface RefundFacts {
  pointsEarned: number
  growthEarned: number
  balance: number
  growth: number
  tierCode: TierCode
  tiers: readonly Tier[]
  lowersTier: boolean
}

export interface RefundPlan {
  pointsToReverse: number
  pointsShortfall: number
  growthToReverse: number
  tierAfter: TierCode
}

export function refundPlan(f: RefundFacts): RefundPlan {
  for (const n of [f.pointsEarned, f.growthEarned, f.balance, f.growth]) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('refund amounts are non-negative integers')
  }
  const pointsToReverse = Math.min(f.pointsEarned, f.balance)
  const growthToReverse = Math.min(f.growthEarned, f.growth)
  return { pointsToReverse, pointsShortfall: f.pointsEarned - pointsToReverse, growthToReverse, tierAfter: tierAfterRefund(f, f.growth - growthToReverse) }
}

function tierAfterRefund(f: RefundFacts, growthAfter: number): TierCode {
  if (!f.lowersTier) return f.tierCode
  const sorted = sortTiers(f.tiers)
  const target = tierForGrowth(f.tiers, growthAfter)
  const current = sorted.findIndex((t) => t.code === f.tierCode)
  // Only down: a tier above what the growth reaches may come from elsewhere, but a refund never promotes.
  return current >= 0 && sorted.findIndex((t) => t.code === target.code) >= current ? f.tierCode : target.code
}
