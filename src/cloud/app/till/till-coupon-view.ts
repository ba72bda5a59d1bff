import type { TillCouponView, VerificationView } from '../../../contract'
import { couponState, monthDayTime } from '../../../domain/coupons/state'
import type { LiveVerification, TillCouponRow } from '../../db/repositories/coupon-verifications'
import { termsOf } from '../coupons/coupon-terms'
import type { UseCaseContext } from '../store-context'
import { toTierView } from '../tier-view'

/** "已核销 · 11-20 14:03 · 王芳": when and by whom, store time (the second clerk's answer, and a used coupon's reason). */
export function usedText(ctx: UseCaseContext, verification: LiveVerification | null, usedAt: Date | null): string {
  if (!verification) return usedAt ? `已核销 · ${monthDayTime(usedAt, ctx.store.timezone)}` : '已核销'
  return `已核销 · ${monthDayTime(verification.at, ctx.store.timezone)} · ${verification.staffName}`
}

/** Usable now, or why not, for this member's tier, from the stored status and dates at this instant. */
export function stateOf(ctx: UseCaseContext, coupon: TillCouponRow, memberTierCode: string) {
  const at = { now: ctx.now, zone: ctx.store.timezone, tiers: ctx.tiers, memberTierCode }
  const state = couponState(coupon, at)
  return state.state === 'used' ? { state: state.state, reason: usedText(ctx, coupon.verification, coupon.usedAt) } : state
}

export function toTillCouponView(ctx: UseCaseContext, coupon: TillCouponRow, memberTierCode: string): TillCouponView {
  const { state, reason } = stateOf(ctx, coupon, memberTierCode)
  const minTier = coupon.minTierCode ? ctx.tiers.find((t) => t.code === coupon.minTierCode) : undefined
  return {
    id: String(coupon.id),
    name: coupon.name,
    ...termsOf(coupon),
    minTier: minTier ? toTierView(minTier) : null,
    validFrom: coupon.validFrom.toISOString(),
    validTo: coupon.validTo.toISOString(),
    state,
    reason,
    birthday: coupon.channel === 'birthday',
  }
}

export function toVerificationView(v: LiveVerification): VerificationView {
  return { at: v.at.toISOString(), staffName: v.staffName, receiptNo: v.receiptNo, discountFen: v.discountFen }
}

/** The lookup's list: usable now first (soonest to expire first within each group), then the others with why. */
export function tillCouponList(ctx: UseCaseContext, coupons: readonly TillCouponRow[], memberTierCode: string): TillCouponView[] {
  const views = coupons.map((c) => toTillCouponView(ctx, c, memberTierCode)).filter((c) => c.state === 'usable' || c.state === 'not_yet')
  return [...views.filter((c) => c.state === 'usable'), ...views.filter((c) => c.state !== 'usable')]
}
