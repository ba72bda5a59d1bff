import type { z } from 'zod'
import type { couponTemplateInput } from '../../../contract/coupon-templates'
import { dayWindow } from '../../../domain/coupons/validity'
import type { CouponTemplateFields } from '../../db/repositories/coupon-templates'

type TemplateInput = z.output<typeof couponTemplateInput>

/**
 * The console's form as stored columns. Dates are store-zone calendar dates: a window runs from 00:00:00.000 on
 * its first day to 23:59:59.999 on its last (dayWindow), so "until 30 November" includes all of 30 November.
 */
export function toTemplateFields(t: TemplateInput, zone: string): CouponTemplateFields {
  const use = t.validity.kind === 'fixed' ? dayWindow(t.validity.from, t.validity.to, zone) : null
  return {
    name: t.name,
    kind: t.kind,
    thresholdFen: t.thresholdFen,
    amountOffFen: t.amountOffFen ?? null,
    discountPct: t.discountPct ?? null,
    maxDiscountFen: t.maxDiscountFen ?? null,
    giftName: t.giftName ?? null,
    description: t.description ?? null,
    validityKind: t.validity.kind,
    validFrom: use?.start ?? null,
    validTo: use?.end ?? null,
    validDays: t.validity.kind === 'days' ? t.validity.days : null,
    claimStartsAt: t.claimFrom ? dayWindow(t.claimFrom, t.claimFrom, zone).start : null,
    claimEndsAt: t.claimTo ? dayWindow(t.claimTo, t.claimTo, zone).end : null,
    totalQuantity: t.totalQuantity,
    perMemberLimit: t.perMemberLimit,
    minTierCode: t.minTierCode,
    channel: t.channel,
    birthdayTierCode: t.birthdayTierCode,
  }
}
