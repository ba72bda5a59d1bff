import type { ClaimableCouponView } from '../../../contract'
import { claimState } from '../../../domain/coupons/state'
import type { ClaimableTemplateRow } from '../../db/repositories/coupon-templates'
import type { UseCaseContext } from '../store-context'
import { toTermsView } from './coupon-view'

/** A template in the 领券中心, with the button's state and reason for this member at ctx.now. */
export function toClaimableView(ctx: UseCaseContext, row: ClaimableTemplateRow, memberTierCode: string): ClaimableCouponView {
  const t = row.template
  const { state, reason } = claimState(
    {
      status: t.status,
      claimStartsAt: t.claimStartsAt,
      claimEndsAt: t.claimEndsAt,
      useEndsAt: t.validityKind === 'fixed' ? t.validTo : null,
      totalQuantity: t.totalQuantity,
      claimedCount: t.claimedCount,
      perMemberLimit: t.perMemberLimit,
      minTierCode: t.minTierCode,
    },
    { now: ctx.now, zone: ctx.store.timezone, tiers: ctx.tiers, memberTierCode, claimedByMe: row.claimedByMe },
  )
  const iso = (d: Date | null) => (d ? d.toISOString() : null)
  return {
    ...toTermsView(ctx, t),
    templateId: String(t.id),
    validity: { kind: t.validityKind as 'fixed' | 'days', validFrom: iso(t.validFrom), validTo: iso(t.validTo), validDays: t.validDays },
    claimStartsAt: iso(t.claimStartsAt),
    claimEndsAt: iso(t.claimEndsAt),
    remaining: t.totalQuantity === null ? null : Math.max(0, t.totalQuantity - t.claimedCount),
    totalQuantity: t.totalQuantity,
    perMemberLimit: t.perMemberLimit,
    claimedByMe: row.claimedByMe,
    state,
    reason,
  }
}
