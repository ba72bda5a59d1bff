import { and, eq } from 'drizzle-orm'
import { AppError } from '../../../contract'
import { monthEnd } from '../../../domain/coupons/validity'
import { createAppFixture, openNewCard, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { couponTemplates, memberCoupons, members } from '../../db/schema'
import { lockMemberForIssue } from '../../db/repositories/member-coupons'
import { loadStoreContext } from '../store-context'
import { DEMO_OPENIDS } from '../index'
import { issueCoupon, type IssueRequest } from './issue-coupon'

/** issueCoupon as the birthday job and the points mall will call it: inside their own transaction. */
let app: AppFixture
beforeAll(async () => {
  app = await createAppFixture()
})
afterAll(async () => app?.close())

async function birthdayTemplateId(): Promise<number> {
  const [row] = await app.db.select().from(couponTemplates).where(eq(couponTemplates.channel, 'birthday'))
  return row.id
}

async function issue(openid: string, req: Omit<IssueRequest, 'member'>) {
  const [{ id }] = await app.db.select({ id: members.id }).from(members).where(eq(members.openid, openid))
  return app.db.transaction(async (tx) => {
    const ctx = await loadStoreContext(tx, app.config, app.clock.now())
    const member = (await lockMemberForIssue(tx, id))!
    return issueCoupon(ctx, { ...req, member })
  })
}

describe('issueCoupon for the birthday channel', () => {
  it('uses the window the caller sets, returns the first coupon for a repeated key, and is not held back by the per-member limit', async () => {
    const { openid } = await openNewCard(app, 'wx-issue-birthday')
    const templateId = await birthdayTemplateId()
    const end = monthEnd(2025, 6, 'Asia/Shanghai')
    const window = { start: app.clock.now(), end }
    const first = await issue(openid, { template: templateId, channel: 'birthday', sourceKey: 'birthday:test:2025', window })
    expect(first.repeated).toBe(false)
    expect(first.coupon.validTo.toISOString()).toBe('2025-06-30T15:59:59.999Z')
    const again = await issue(openid, { template: templateId, channel: 'birthday', sourceKey: 'birthday:test:2025', window })
    expect(again).toEqual({ coupon: first.coupon, repeated: true })
    // Next year's gift (another key) is issued although the template's per-member limit is 1.
    const nextYear = await issue(openid, { template: templateId, channel: 'birthday', sourceKey: 'birthday:test:2026', window })
    expect(nextYear.repeated).toBe(false)
    const held = await app.db.select().from(memberCoupons).where(and(eq(memberCoupons.templateId, templateId), eq(memberCoupons.memberId, first.coupon.memberId)))
    expect(held).toHaveLength(2)
  })

  it('refuses a template of another channel and a window already over', async () => {
    const templateId = await birthdayTemplateId()
    const refusal = (p: Promise<unknown>) => p.then(() => 'issued', (e: AppError) => e.code)
    expect(await refusal(issue(DEMO_OPENIDS.member, { template: templateId, channel: 'grant', sourceKey: 'grant:wrong-channel' }))).toBe('COUPON_NOT_CLAIMABLE')
    const past = { start: new Date('2025-05-01T00:00:00Z'), end: new Date('2025-05-31T15:59:59.999Z') }
    expect(await refusal(issue(DEMO_OPENIDS.member, { template: templateId, channel: 'birthday', sourceKey: 'birthday:past', window: past }))).toBe('COUPON_CLAIM_ENDED')
  })
})
