import type { z } from 'zod'
import type { couponTemplateInput } from '../../../contract/coupon-templates'
import { formatLocalDate, localDateOf } from '../../../domain/local-time'
import { insertTemplateIfNew, type CouponTemplateRow } from '../../db/repositories/coupon-templates'
import { lockMemberForIssue, recordSeedVerification } from '../../db/repositories/member-coupons'
import type { MemberRow } from '../../db/repositories/members'
import { toTemplateFields } from '../coupon-templates/template-fields'
import type { UseCaseContext } from '../store-context'
import { issueCoupon } from './issue-coupon'

const DAY_MS = 86_400_000
type TemplateInput = z.input<typeof couponTemplateInput>

/**
 * Demo coupons, so a newcomer sees every state: templates of each kind (满减, 折扣, 兑换), a gold-only one, one not
 * yet open for claims, one sold out, a grant template and a birthday template (the birthday job issues that
 * one); and in the demo member's wallet usable coupons, one usable from tomorrow, one used and one expired.
 * Everything goes through issueCoupon, the claim's own path, with the clock set to when it happened.
 */
export async function seedDemoCoupons(ctx: UseCaseContext, demo: MemberRow, others: MemberRow[], clerkId: number): Promise<void> {
  const zone = ctx.store.timezone
  const date = (offsetDays: number) => formatLocalDate(localDateOf(new Date(ctx.now.getTime() + offsetDays * DAY_MS), zone))
  const base = { thresholdFen: 0, totalQuantity: null, perMemberLimit: 1, minTierCode: null, channel: 'claim' } as const
  const template = async (key: string, input: TemplateInput): Promise<CouponTemplateRow> => {
    const fields = toTemplateFields(input as z.output<typeof couponTemplateInput>, zone)
    return (await insertTemplateIfNew(ctx.tx, ctx.store.id, `seed:${key}`, fields, ctx.now)).template
  }

  const amountOff = await template('amount-off', {
    ...base,
    name: '满200减30',
    kind: 'amount_off',
    thresholdFen: 20_000,
    amountOffFen: 3_000,
    description: '全场饮品与甜点可用，每单限用一张',
    validity: { kind: 'days', days: 30 },
    totalQuantity: 500,
  })
  const percentOff = await template('percent-off', {
    ...base,
    name: '8.8折券',
    kind: 'percent_off',
    discountPct: 88,
    maxDiscountFen: 5_000,
    description: '最多减 ¥50',
    validity: { kind: 'fixed', from: date(-10), to: date(60) },
    perMemberLimit: 2,
  })
  const gift = await template('gift', {
    ...base,
    name: '拿铁兑换券',
    kind: 'gift',
    giftName: '拿铁一杯',
    validity: { kind: 'days', days: 14 },
    totalQuantity: 200,
  })
  await template('gold-only', {
    ...base,
    name: '金卡专享 满100减20',
    kind: 'amount_off',
    thresholdFen: 10_000,
    amountOffFen: 2_000,
    validity: { kind: 'days', days: 30 },
    minTierCode: 'gold',
  })
  await template('not-started', {
    ...base,
    name: '周年庆 满150减25',
    kind: 'amount_off',
    thresholdFen: 15_000,
    amountOffFen: 2_500,
    validity: { kind: 'fixed', from: date(3), to: date(40) },
    claimFrom: date(3),
    claimTo: date(20),
    totalQuantity: 300,
  })
  const soldOut = await template('sold-out', {
    ...base,
    name: '限量 免费可颂',
    kind: 'gift',
    giftName: '可颂一个',
    validity: { kind: 'days', days: 7 },
    totalQuantity: 3,
  })
  const fromTomorrow = await template('from-tomorrow', {
    ...base,
    name: '周末特惠 满100减15',
    kind: 'amount_off',
    thresholdFen: 10_000,
    amountOffFen: 1_500,
    validity: { kind: 'fixed', from: date(1), to: date(30) },
  })
  const welcome = await template('welcome', {
    ...base,
    name: '新客立减 ¥5',
    kind: 'amount_off',
    amountOffFen: 500,
    validity: { kind: 'days', days: 7 },
    perMemberLimit: 3,
  })
  await template('grant', {
    ...base,
    name: '店长赠券 ¥10',
    kind: 'amount_off',
    amountOffFen: 1_000,
    description: '门店致歉或答谢时由店长发放',
    validity: { kind: 'days', days: 30 },
    perMemberLimit: 5,
    channel: 'grant',
  })
  await template('birthday', {
    ...base,
    name: '生日礼 免费蛋糕',
    kind: 'gift',
    giftName: '生日蛋糕一块',
    description: '生日当月有效',
    validity: { kind: 'days', days: 31 },
    channel: 'birthday',
  })

  const claim = async (member: MemberRow, t: CouponTemplateRow, daysAgo: number, key: string) => {
    const at = new Date(ctx.now.getTime() - daysAgo * DAY_MS)
    return (await issueCoupon({ ...ctx, now: at }, { template: t.id, member, channel: 'claim', sourceKey: `claim:${member.id}:seed-${key}` })).coupon
  }
  // The sold-out one went to three other members.
  for (const [i, other] of others.slice(0, soldOut.totalQuantity ?? 0).entries()) await claim(other, soldOut, 2 + i, 'sold-out')

  const member = await lockMemberForIssue(ctx.tx, demo.id)
  if (!member) throw new Error('seed: the demo member vanished')
  await claim(member, amountOff, 3, 'amount-off')
  await claim(member, percentOff, 5, 'percent-off')
  await claim(member, gift, 1, 'gift')
  await claim(member, fromTomorrow, 0, 'from-tomorrow')
  await claim(member, welcome, 40, 'welcome-expired') // 7 days from 40 days ago: expired
  const used = await claim(member, welcome, 20, 'welcome-used')
  await recordSeedVerification(ctx.tx, {
    storeId: ctx.store.id,
    couponId: used.id,
    staffId: clerkId,
    usedAt: new Date(ctx.now.getTime() - 18 * DAY_MS),
    requestId: 'seed:welcome-used',
    discountFen: 500,
  })
}
