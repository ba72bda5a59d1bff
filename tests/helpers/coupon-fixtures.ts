import { randomBytes } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../src/cloud/db'
import { couponTemplates, couponVerifications, memberCoupons, members, stores } from '../../src/cloud/db/schema'
import { newCouponCode } from '../../src/domain/coupons/code'

/**
 * Coupons for the till's tests, written straight into the tables (the claim centre and templates are another
 * feature's): a template of its own per coupon, counted as claimed, and the member's coupon with the same terms.
 */
export interface TestCouponOptions {
  memberId: number
  name?: string
  kind?: 'amount_off' | 'percent_off' | 'gift'
  thresholdFen?: number
  amountOffFen?: number | null
  discountPct?: number | null
  maxDiscountFen?: number | null
  giftName?: string | null
  minTierCode?: string | null
  channel?: 'claim' | 'birthday' | 'mall' | 'grant'
  validFrom: Date
  validTo: Date
}

export interface TestCoupon {
  id: number
  code: string
  templateId: number
}

let serial = 0

export async function issueTestCoupon(db: Db, o: TestCouponOptions): Promise<TestCoupon> {
  const [member] = await db.select({ storeId: members.storeId }).from(members).where(eq(members.id, o.memberId))
  const kind = o.kind ?? 'amount_off'
  const terms = {
    name: o.name ?? (kind === 'gift' ? '兑换券' : kind === 'percent_off' ? '折扣券' : '满减券'),
    kind,
    thresholdFen: o.thresholdFen ?? 0,
    amountOffFen: kind === 'amount_off' ? (o.amountOffFen ?? 3_000) : null,
    discountPct: kind === 'percent_off' ? (o.discountPct ?? 88) : null,
    maxDiscountFen: kind === 'percent_off' ? (o.maxDiscountFen ?? null) : null,
    giftName: kind === 'gift' ? (o.giftName ?? '咖啡一杯') : null,
    minTierCode: o.minTierCode ?? null,
  }
  const channel = o.channel ?? 'claim'
  const key = `test-${process.pid}-${++serial}-${Date.now()}`
  const [template] = await db
    .insert(couponTemplates)
    .values({
      storeId: member.storeId,
      ...terms,
      validityKind: 'fixed',
      validFrom: o.validFrom,
      validTo: o.validTo,
      claimedCount: 1,
      channel,
      createRequestId: key,
    })
    .returning({ id: couponTemplates.id })
  const code = newCouponCode((n) => randomBytes(n))
  const [coupon] = await db
    .insert(memberCoupons)
    .values({
      storeId: member.storeId,
      templateId: template.id,
      memberId: o.memberId,
      code,
      channel,
      sourceKey: key,
      ...terms,
      validFrom: o.validFrom,
      validTo: o.validTo,
      issuedAt: o.validFrom,
    })
    .returning({ id: memberCoupons.id })
  return { id: coupon.id, code, templateId: template.id }
}

/** A verification made at `at` by `staffId` without a purchase, written directly (no audit): for tests that need one. */
export async function verifyTestCouponDirectly(db: Db, coupon: TestCoupon, staffId: number, at: Date): Promise<void> {
  const [row] = await db.select().from(memberCoupons).where(eq(memberCoupons.id, coupon.id))
  await db.update(memberCoupons).set({ status: 'used', usedAt: at }).where(eq(memberCoupons.id, coupon.id))
  await db.insert(couponVerifications).values({
    storeId: row.storeId,
    couponId: coupon.id,
    memberId: row.memberId,
    staffId,
    requestId: `direct-${coupon.id}-${at.getTime()}`,
    createdAt: at,
  })
  await db.update(couponTemplates).set({ usedCount: sql`${couponTemplates.usedCount} + 1` }).where(eq(couponTemplates.id, coupon.templateId))
}

export async function setStoreRules(
  db: Db,
  rules: Partial<Pick<typeof stores.$inferInsert, 'tillAppliesTierDiscount' | 'couponVoidWindowHours' | 'refundReturnsCoupon' | 'refundLowersTier'>>,
): Promise<void> {
  await db.update(stores).set(rules)
}

/**
 * `count` coupons (满0减5, valid around `now`) spread over the store's members in one set-based insert, for the
 * bench: their ids with their holder's openid; over `templates` campaigns, consecutive coupons on different ones.
 */
export async function issueManyCoupons(db: Db, count: number, now: Date, templates = 1): Promise<{ id: number; openid: string }[]> {
  const perTemplate: { id: number; openid: string }[][] = []
  for (let t = 0; t < templates; t++) {
    const share = Math.floor(count / templates) + (t < count % templates ? 1 : 0)
    perTemplate.push(share > 0 ? await issueCouponsOfOneTemplate(db, share, now, t, templates) : [])
  }
  // Round robin: consecutive coupons belong to different templates.
  return Array.from({ length: count }, (_, i) => perTemplate[i % templates][Math.floor(i / templates)])
}

async function issueCouponsOfOneTemplate(db: Db, count: number, now: Date, n: number, templates: number): Promise<{ id: number; openid: string }[]> {
  const from = new Date(now.getTime() - 86_400_000).toISOString()
  const to = new Date(now.getTime() + 30 * 86_400_000).toISOString()
  const key = `bench-${Date.now()}-${n}`
  const [template] = await db
    .insert(couponTemplates)
    .values({
      storeId: sql`(select id from ${stores} limit 1)` as unknown as number,
      name: '满0减5',
      kind: 'amount_off',
      amountOffFen: 500,
      validityKind: 'fixed',
      validFrom: new Date(from),
      validTo: new Date(to),
      claimedCount: count,
      channel: 'grant',
      createRequestId: key,
    })
    .returning({ id: couponTemplates.id, storeId: couponTemplates.storeId })
  const rows = await db.execute(sql`
    with holders as (select id, openid, row_number() over (order by id) - 1 as n, count(*) over () as total from ${members} where status = 'active'),
    issued as (
      insert into ${memberCoupons} (store_id, template_id, member_id, code, channel, source_key, name, kind, amount_off_fen, valid_from, valid_to, issued_at)
      select ${template.storeId}, ${template.id}, h.id, 'C1' || lpad(((${Date.now() % 1_000_000_000}::bigint * 1000 + ${n}) * 1000000 + g)::text, 20, '0'), 'grant',
        ${key} || '-' || g, '满0减5', 'amount_off', 500, ${from}::timestamptz, ${to}::timestamptz, ${from}::timestamptz
      from generate_series(0, ${count - 1}) g join holders h on h.n = (g * ${templates} + ${n}) % h.total
      -- In g order, so consecutive coupons (round robin over the templates) belong to different members.
      order by g
      returning id, member_id
    )
    select issued.id, holders.openid from issued join holders on holders.id = issued.member_id order by issued.id`)
  return (rows as unknown as { rows: { id: number | string; openid: string }[] }).rows.map((r) => ({ id: Number(r.id), openid: r.openid }))
}
