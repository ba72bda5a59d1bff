import type { TierCode } from '../contract/enums'

/** One tier as the store configures it (the `tiers` table); the rules below never hard-code thresholds. */
export interface Tier {
  code: TierCode
  name: string
  minGrowth: number
  discountPct: number
}

/** Tiers from lowest to highest threshold, so "the last one reached" is the member's tier. */
export function sortTiers(tiers: readonly Tier[]): Tier[] {
  return [...tiers].sort((a, b) => a.minGrowth - b.minGrowth)
}

/** The highest tier whose threshold the growth has reached. Throws if the store has no entry tier (minGrowth 0). */
export function tierForGrowth(tiers: readonly Tier[], growth: number): Tier {
  const reached = sortTiers(tiers).filter((t) => t.minGrowth <= growth)
  const top = reached[reached.length - 1]
  if (!top) throw new Error('store tiers misconfigured: no tier with minGrowth <= ' + growth)
  return top
}

/** The tier above the one the growth has reached, or null at the top. */
export function nextTierFor(tiers: readonly Tier[], growth: number): Tier | null {
  return sortTiers(tiers).find((t) => t.minGrowth > growth) ?? null
}

/** Growth still needed to reach the next tier, or null at the top. */
export function growthToNext(tiers: readonly Tier[], growth: number): number | null {
  const next = nextTierFor(tiers, growth)
  return next ? next.minGrowth - growth : null
}

/**
 * The tier to promote to after growth rose to `growth`, or null when the member stays.
 * Never demotes: downgrades belong to the yearly re-evaluation, not to a purchase.
 */
export function promotionFor(tiers: readonly Tier[], currentCode: TierCode, growth: number): Tier | null {
  const target = tierForGrowth(tiers, growth)
  const current = tiers.find((t) => t.code === currentCode)
  if (!current) return target
  return target.minGrowth > current.minGrowth ? target : null
}
