import type { z } from 'zod'
import { AppError } from '../../../contract'
import type { mallItemInput } from '../../../contract/mall-items'
import { dayWindow } from '../../../domain/coupons/validity'
import { findTemplate } from '../../db/repositories/coupon-templates'
import type { MallItemFields } from '../../db/repositories/mall-catalog'
import { rowId } from '../coupons/ids'
import type { UseCaseContext } from '../store-context'

type ItemInput = z.output<typeof mallItemInput>

/**
 * The console's form as stored columns. Dates are store-zone calendar dates: shown and redeemable from 00:00:00
 * on the first day, redeemable until 23:59:59.999 of the last (redeem_until is inclusive on the member side:
 * now ≤ redeem_until), so "until 30 November" includes all of 30 November.
 */
export function toMallItemFields(t: ItemInput, zone: string): MallItemFields {
  const startOf = (d: string | undefined) => (d ? dayWindow(d, d, zone).start : null)
  return {
    kind: t.kind,
    name: t.name,
    description: t.description ?? null,
    imageKey: t.imageKey ?? null,
    pointsPrice: t.pointsPrice,
    couponTemplateId: t.couponTemplateId ? rowId(t.couponTemplateId) : null,
    stockTotal: t.stockTotal,
    perMemberLimit: t.perMemberLimit,
    limitPeriod: t.limitPeriod,
    maxPerRedemption: t.maxPerRedemption,
    visibleFrom: startOf(t.visibleFrom),
    redeemFrom: startOf(t.redeemFrom),
    redeemUntil: t.redeemUntil ? dayWindow(t.redeemUntil, t.redeemUntil, zone).end : null,
    minTierCode: t.minTierCode,
    sortOrder: t.sortOrder,
  }
}

/** A coupon item delivers a coupon of an active 'mall' template of this store; anything else is refused. */
export async function assertDeliverableTemplate(ctx: UseCaseContext, fields: MallItemFields): Promise<void> {
  if (fields.kind !== 'coupon') return
  const template = fields.couponTemplateId ? await findTemplate(ctx.tx, ctx.store.id, fields.couponTemplateId) : null
  if (!template || template.channel !== 'mall' || template.status !== 'active') {
    throw new AppError('MALL_ITEM_INVALID', undefined, { 'item.couponTemplateId': '请选择一张启用中的积分商城券' })
  }
}
