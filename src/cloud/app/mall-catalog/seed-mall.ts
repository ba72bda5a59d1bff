import type { z } from 'zod'
import { couponTemplateInput } from '../../../contract/coupon-templates'
import { mallItemInput } from '../../../contract/mall-items'
import { sniffImageType } from '../../../domain/image-type'
import { formatLocalDate, localDateOf } from '../../../domain/local-time'
import { insertTemplateIfNew } from '../../db/repositories/coupon-templates'
import { insertMallItemIfNew } from '../../db/repositories/mall-catalog'
import { toTemplateFields } from '../coupon-templates/template-fields'
import { imageKeyFor, type ImageStorage } from '../storage/image-storage'
import type { UseCaseContext } from '../store-context'
import { DEMO_PICTURES } from './demo-pictures'
import { toMallItemFields } from './item-fields'

type ItemInput = z.input<typeof mallItemInput>

/**
 * The demo points mall, so a newcomer sees each case: a plain gift (帆布袋), one nearly sold out (马克杯, stock
 * 3: low stock), a 金卡-only gift, one shown now but redeemable from the 1st of next month ("12月1日开兑") and a
 * coupon item (a 'mall' template 满50减10). Pictures go through the storage port when one is given (the gateway
 * gives the data folder's); without one (tests) the items show the placeholder.
 */
export async function seedDemoMall(ctx: UseCaseContext, images?: ImageStorage): Promise<void> {
  const zone = ctx.store.timezone
  const today = localDateOf(ctx.now, zone)
  const nextMonthFirst = formatLocalDate({ year: today.month === 12 ? today.year + 1 : today.year, month: today.month === 12 ? 1 : today.month + 1, day: 1 })
  const picture = async (name: keyof typeof DEMO_PICTURES): Promise<string | null> => {
    if (!images) return null
    const bytes = Buffer.from(DEMO_PICTURES[name], 'base64')
    const type = sniffImageType(bytes)
    if (!type) throw new Error(`seed: demo picture ${name} is not an image`)
    return images.put(imageKeyFor('mall', bytes, type), bytes, type)
  }
  const base = { perMemberLimit: null, limitPeriod: 'total', maxPerRedemption: 1, minTierCode: null } as const
  const item = async (key: string, input: ItemInput) => {
    // Through the console's own schema: the demo cannot hold an item a manager could not have made.
    const fields = toMallItemFields(mallItemInput.parse(input), zone)
    await insertMallItemIfNew(ctx.tx, ctx.store.id, `seed:${key}`, fields, ctx.now)
  }

  const couponFields = toTemplateFields(
    couponTemplateInput.parse({
      name: '满50减10（积分兑换）',
      kind: 'amount_off',
      thresholdFen: 5_000,
      amountOffFen: 1_000,
      description: '积分商城兑换，全场可用',
      validity: { kind: 'days', days: 30 },
      totalQuantity: null,
      perMemberLimit: 5,
      minTierCode: null,
      channel: 'mall',
    }),
    zone,
  )
  const { template } = await insertTemplateIfNew(ctx.tx, ctx.store.id, 'seed:mall-50-10', couponFields, ctx.now)

  await item('canvas-bag', { ...base, kind: 'gift', name: '拾光帆布袋', description: '门店自取，环保帆布材质', pointsPrice: 800, stockTotal: 50, perMemberLimit: 2, imageKey: await picture('canvas-bag'), sortOrder: 1 })
  await item('mug', { ...base, kind: 'gift', name: '拾光马克杯', description: '陶瓷马克杯，容量 350ml', pointsPrice: 1500, stockTotal: 3, perMemberLimit: 1, imageKey: await picture('mug'), sortOrder: 2 })
  await item('gold-box', { ...base, kind: 'gift', name: '金卡专享礼盒', description: '金卡及以上会员可兑', pointsPrice: 3000, stockTotal: 20, perMemberLimit: 1, minTierCode: 'gold', imageKey: await picture('gold-box'), sortOrder: 3 })
  await item('drip-coffee', { ...base, kind: 'gift', name: '挂耳咖啡（10 包）', description: '新品，下月 1 日开兑', pointsPrice: 1200, stockTotal: 30, redeemFrom: nextMonthFirst, imageKey: await picture('drip-coffee'), sortOrder: 4 })
  await item('coupon-50-10', { ...base, kind: 'coupon', name: '满50减10券', description: '兑换后放入我的券包', pointsPrice: 300, stockTotal: 200, perMemberLimit: 5, limitPeriod: 'month', maxPerRedemption: 5, couponTemplateId: String(template.id), imageKey: await picture('coupon-50-10'), sortOrder: 0 })
}
