import type { CouponChannel, CouponTemplateStatus, CouponTemplateView, TierCode } from '../../../contract'
import { formatLocalDate, localDateOf } from '../../../domain/local-time'
import type { CouponTemplateRow } from '../../db/repositories/coupon-templates'
import { termsOf } from '../coupons/coupon-terms'

/** A template as the console edits it: instants back to the store-zone dates the manager entered. */
export function toTemplateView(t: CouponTemplateRow, zone: string): CouponTemplateView {
  const date = (d: Date | null) => (d ? formatLocalDate(localDateOf(d, zone)) : null)
  return {
    id: String(t.id),
    name: t.name,
    ...termsOf(t),
    description: t.description,
    validity: { kind: t.validityKind as 'fixed' | 'days', from: date(t.validFrom), to: date(t.validTo), days: t.validDays },
    claimFrom: date(t.claimStartsAt),
    claimTo: date(t.claimEndsAt),
    totalQuantity: t.totalQuantity,
    claimedCount: t.claimedCount,
    usedCount: t.usedCount,
    perMemberLimit: t.perMemberLimit,
    minTierCode: t.minTierCode as TierCode | null,
    channel: t.channel as CouponChannel,
    birthdayTierCode: t.birthdayTierCode as TierCode | null,
    status: t.status as CouponTemplateStatus,
    updatedAt: t.updatedAt.toISOString(),
  }
}

/** What the audit log keeps of a template change: the settings, no personal data. */
export function templateAuditDetail(t: CouponTemplateRow): Record<string, unknown> {
  return {
    templateId: t.id,
    name: t.name,
    kind: t.kind,
    channel: t.channel,
    totalQuantity: t.totalQuantity,
    perMemberLimit: t.perMemberLimit,
    status: t.status,
  }
}
