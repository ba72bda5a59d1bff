import type { CouponChannel, CouponTermsView, MemberCouponView, TierView } from '../../../contract'
import { couponState } from '../../../domain/coupons/state'
import type { MemberCouponRow } from '../../db/repositories/member-coupons'
import type { UseCaseContext } from '../store-context'
import { termsOf, type TermsColumns } from './coupon-terms'
import { toTierView } from '../tier-view'

/** The terms a coupon or a template carries, as the contract shows them. */
export interface TermsRow extends TermsColumns {
  name: string
  description: string | null
  minTierCode: string | null
}

/** The store's tier as a view, or null for everyone (a tier the store no longer has reads as no restriction). */
export function minTierView(ctx: UseCaseContext, code: string | null): TierView | null {
  if (!code) return null
  const tier = ctx.tiers.find((t) => t.code === code)
  return tier ? toTierView(tier) : null
}

export function toTermsView(ctx: UseCaseContext, t: TermsRow): CouponTermsView {
  return {
    name: t.name,
    ...termsOf(t),
    description: t.description,
    minTier: minTierView(ctx, t.minTierCode),
  }
}

/**
 * A member's coupon with its state and reason for `memberTierCode` at ctx.now, decided from its stored dates.
 * The one-time code only when asked (getMyCoupon): lists never carry it.
 */
export function toMemberCouponView(ctx: UseCaseContext, c: MemberCouponRow, memberTierCode: string, options: { withCode?: boolean } = {}): MemberCouponView {
  const { state, reason } = couponState(c, { now: ctx.now, zone: ctx.store.timezone, tiers: ctx.tiers, memberTierCode })
  return {
    ...toTermsView(ctx, c),
    id: String(c.id),
    channel: c.channel as CouponChannel,
    validFrom: c.validFrom.toISOString(),
    validTo: c.validTo.toISOString(),
    state,
    reason,
    usedAt: c.usedAt ? c.usedAt.toISOString() : null,
    ...(options.withCode ? { code: c.code } : {}),
  }
}

