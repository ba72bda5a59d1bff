import type { TierCode, TierView } from '../../contract'
import type { Tier } from '../../domain/tiers'

export function toTierView(tier: Tier): TierView {
  return { code: tier.code, name: tier.name, minGrowth: tier.minGrowth, discountPct: tier.discountPct }
}

/** The tier discount the till applies for this member (store rule tillAppliesTierDiscount), or null. */
export function tillTierDiscountPct(ctx: { store: { tillAppliesTierDiscount: boolean }; tiers: readonly Tier[] }, tierCode: string): number | null {
  return ctx.store.tillAppliesTierDiscount ? tierByCode(ctx.tiers, tierCode).discountPct : null
}

export function tierByCode(tiers: readonly Tier[], code: string): Tier {
  const tier = tiers.find((t) => t.code === (code as TierCode))
  if (!tier) throw new Error(`member tier '${code}' is not configured for this store`)
  return tier
}
