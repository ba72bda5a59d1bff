import { eq } from 'drizzle-orm'
import { api, type AppError } from '../../contract'
import { createAppFixture, memberCodeOf, openNewCard, type AppFixture } from '../../../tests/helpers/app-fixture'
import { issueTestCoupon, verifyTestCouponDirectly, type TestCoupon } from '../../../tests/helpers/coupon-fixtures'
import { members, purchases, staff, stores } from '../db/schema'
import { resolveAccess } from './access'
import { DEMO_OPENIDS } from './index'
import type { Access } from './operation'
import { operations } from './registry'
import { loadStoreContext } from './store-context'

/**
 * Who may call what. This table is the review surface: a change to any operation's access (or a new operation)
 * fails this test until the table is updated in the same change, so it shows up in the diff.
 */
const EXPECTED_MATRIX = `
whoAmI               caller
openCard             caller
getMyCard            member
getMemberCode        member
listPointsHistory    member
staffLookupMember    staff: clerk, manager, admin
staffRecordPurchase  staff: clerk, manager, admin
staffPreviewCoupon   staff: clerk, manager, admin
staffVerifyCoupon    staff: clerk, manager, admin
staffVoidCouponVerification staff: manager, admin
staffPreviewRefund   staff: manager, admin
staffRefundPurchase  staff: manager, admin
listMyNotifications  member
markNotificationsRead member
getNotificationSettings member
recordSubscriptionConsent member
`

function describeAccess(access: Access): string {
  return typeof access === 'string' ? access : `staff: ${access.staff.join(', ')}`
}

describe('the access matrix', () => {
  it('lists every operation with who may call it', () => {
    const actual = operations.map((op) => `${op.name.padEnd(20)} ${describeAccess(op.access)}`).join('\n')
    expect(`\n${actual}\n`).toBe(EXPECTED_MATRIX)
  })

  it('has exactly one operation for every function in the contract', () => {
    expect(operations.map((op) => op.name).sort()).toEqual(Object.keys(api).sort())
  })
})

// Behaviour: each access level is enforced through the real dispatch, for every operation that has it.
let app: AppFixture
let storeId: number
const ADMIN = 'wx-admin'
const FORMER_CLERK = 'wx-former-clerk'
const VISITOR = 'wx-visitor-no-card'
beforeAll(async () => {
  app = await createAppFixture()
  ;[{ id: storeId }] = await app.db.select({ id: stores.id }).from(stores)
  await app.db.insert(staff).values([
    { storeId, openid: ADMIN, name: '管理员', role: 'admin' },
    { storeId, openid: FORMER_CLERK, name: '离职店员', role: 'clerk', active: false },
  ])
})
afterAll(async () => app?.close())

/** A coupon of the demo member, valid around the test clock (written directly: no audit, no counted rows). */
async function demoCoupon(): Promise<TestCoupon> {
  const [member] = await app.db.select({ id: members.id }).from(members).where(eq(members.openid, DEMO_OPENIDS.member))
  const now = app.clock.now().getTime()
  return issueTestCoupon(app.db, { memberId: member.id, validFrom: new Date(now - 86_400_000), validTo: new Date(now + 86_400_000) })
}
let verifiable: TestCoupon | undefined
let refundable: string | undefined

/** A valid input for each operation, so a refusal can only be about who is calling. */
async function validInput(name: string): Promise<unknown> {
  switch (name) {
    case 'staffPreviewCoupon':
      return { couponCode: (verifiable ??= await demoCoupon()).code }
    case 'staffVerifyCoupon':
      // The same request each time: the first verifies, the others are its retries (answered, not refused).
      return { couponCode: (verifiable ??= await demoCoupon()).code, requestId: 'access-matrix-verify' }
    case 'staffVoidCouponVerification': {
      // A fresh verification each time: a void happens once.
      const coupon = await demoCoupon()
      const [clerk] = await app.db.select({ id: staff.id }).from(staff).where(eq(staff.openid, DEMO_OPENIDS.clerk))
      await verifyTestCouponDirectly(app.db, coupon, clerk.id, app.clock.now())
      return { couponCode: coupon.code, reason: '测试撤销' }
    }
    case 'staffPreviewRefund':
    case 'staffRefundPurchase':
      // A seeded receipt: the first refund refunds it, later ones answer alreadyRefunded.
      refundable ??= (await app.db.select({ receiptNo: purchases.receiptNo }).from(purchases).limit(1))[0].receiptNo
      return name === 'staffPreviewRefund' ? { receiptNo: refundable } : { receiptNo: refundable, reason: '测试退款' }
    case 'openCard':
      return { nickname: '访客', phone: '13600009999' }
    case 'listPointsHistory':
      return { limit: 5 }
    case 'staffLookupMember':
      return { memberCode: await memberCodeOf(app, DEMO_OPENIDS.member) }
    case 'staffRecordPurchase':
      return { memberCode: await memberCodeOf(app, DEMO_OPENIDS.member), receiptNo: `ACCESS-${Date.now()}`, amountFen: 100 }
    case 'recordSubscriptionConsent':
      return { requestId: `access-${Date.now()}-${Math.random()}`, results: [{ kind: 'points_credited', result: 'accept' }] }
    default:
      return {}
  }
}

const roleOf: Record<string, string> = { [DEMO_OPENIDS.clerk]: 'clerk', [DEMO_OPENIDS.manager]: 'manager', [ADMIN]: 'admin' }

describe.each(operations.map((op) => [op.name, op] as const))('%s', (name, op) => {
  it('refuses a call without a caller as UNAUTHENTICATED and writes nothing', async () => {
    const before = await app.counts()
    expect(await app.call(name, await validInput(name), null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await app.counts()).toEqual(before)
  })

  if (op.access === 'member') {
    it('refuses a caller without a card as NOT_A_MEMBER, and serves a member', async () => {
      expect(await app.call(name, await validInput(name), VISITOR)).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } })
      expect(await app.call(name, await validInput(name), DEMO_OPENIDS.member)).toMatchObject({ ok: true })
    })
  }

  if (typeof op.access === 'object') {
    const allowed = op.access.staff
    it('refuses members, visitors, deactivated staff and staff of other roles as FORBIDDEN, writing nothing', async () => {
      const refused = [DEMO_OPENIDS.member, VISITOR, FORMER_CLERK, ...Object.keys(roleOf).filter((o) => !allowed.includes(roleOf[o] as never))]
      for (const who of refused) {
        const before = await app.counts()
        expect(await app.call(name, await validInput(name), who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
        expect(await app.counts()).toEqual(before)
      }
    })
    it.each(allowed.map((r) => [r]))('serves a %s', async (r) => {
      const who = Object.keys(roleOf).find((o) => roleOf[o] === r)!
      expect(await app.call(name, await validInput(name), who)).toMatchObject({ ok: true })
    })
  }

  if (op.access === 'caller') {
    it('serves a caller without a card', async () => {
      const visitor = `${VISITOR}-${name}`
      expect(await app.call(name, await validInput(name), visitor)).toMatchObject({ ok: true })
    })
  }
})

describe('staff roles are read inside the call', () => {
  it('stops a clerk the moment the account is deactivated', async () => {
    const { openid } = await openNewCard(app, 'wx-access-deactivate')
    const memberCode = await memberCodeOf(app, openid)
    expect(await app.call('staffLookupMember', { memberCode }, DEMO_OPENIDS.clerk)).toMatchObject({ ok: true })
    await app.db.update(staff).set({ active: false }).where(eq(staff.openid, DEMO_OPENIDS.clerk))
    try {
      expect(await app.call('staffLookupMember', { memberCode }, DEMO_OPENIDS.clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    } finally {
      await app.db.update(staff).set({ active: true }).where(eq(staff.openid, DEMO_OPENIDS.clerk))
    }
  })
})

describe('a staff access level that names some roles only', () => {
  it('serves those roles and refuses the others as FORBIDDEN', async () => {
    const managersOnly = { staff: ['manager', 'admin'] } as const
    const outcome = (openid: string) =>
      app.db.transaction(async (tx) => {
        const ctx = await loadStoreContext(tx, app.config, app.clock.now())
        return resolveAccess(ctx, managersOnly, { openid }).then(
          (who) => ('role' in who ? who.role : 'not staff'),
          (error: AppError) => error.code,
        )
      })
    expect(await outcome(DEMO_OPENIDS.clerk)).toBe('FORBIDDEN')
    expect(await outcome(DEMO_OPENIDS.manager)).toBe('manager')
    expect(await outcome(ADMIN)).toBe('admin')
  })
})
