import { eq, sql } from 'drizzle-orm'
import { api, type AppError } from '../../contract'
import { createAppFixture, memberCodeOf, openNewCard, type AppFixture } from '../../../tests/helpers/app-fixture'
import { signTillTicket } from '../../domain/till-ticket'
import { issueTestCoupon, verifyTestCouponDirectly, type TestCoupon } from '../../../tests/helpers/coupon-fixtures'
import { randomBytes } from 'node:crypto'
import { newPickupCode } from '../../domain/mall/pickup-code'
import { insertMallItem } from '../../../tests/helpers/mall-fixtures'
import { insertDoorEvent, insertDoorRegistration } from '../../../tests/helpers/event-door-fixtures'
import { insertEvent, insertRegistration } from '../../../tests/helpers/event-fixtures'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { couponTemplates, mallItems, mallRedemptions, memberCoupons, members, purchases, staff, stores } from '../db/schema'
import { resolveAccess } from './access'
import { DEMO_OPENIDS } from './index'
import type { Access } from './operation'
import { operations } from './registry'
import { localImageStorage } from './storage/local-image-storage'
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
staffPreviewPickup   staff: clerk, manager, admin
staffConfirmPickup   staff: clerk, manager, admin
staffReturnPickup    staff: manager, admin
listMyNotifications  member
markNotificationsRead member
getNotificationSettings member
recordSubscriptionConsent member
listClaimableCoupons member
claimCoupon          member
listMyCoupons        member
getMyCoupon          member
staffGrantCoupon     staff: manager, admin
listCouponTemplates  staff: manager, admin
createCouponTemplate staff: manager, admin
updateCouponTemplate staff: manager, admin
setCouponTemplateStatus staff: manager, admin
getMyBirthday        member
setMyBirthday        member
staffCorrectBirthday staff: manager, admin
listMallItems        member
getMallItem          member
redeemMallItem       member
listMyRedemptions    member
getMyRedemption      member
cancelMyRedemption   member
listMallItemsAdmin   staff: manager, admin
createMallItem       staff: manager, admin
updateMallItem       staff: manager, admin
setMallItemStatus    staff: manager, admin
listMallRedemptions  staff: manager, admin
uploadMallImage      staff: manager, admin
listStaffNotices     staff: manager, admin
markStaffNoticesRead staff: manager, admin
listEvents           member
getEvent             member
signUpForEvent       member
cancelMyRegistration member
listMyRegistrations  member
getMyRegistration    member
submitEventFeedback  member
staffListDoorEvents  staff: clerk, manager, admin
staffGetDoorList     staff: clerk, manager, admin
staffPreviewTicket   staff: clerk, manager, admin
staffCheckIn         staff: clerk, manager, admin
staffWalkIn          staff: clerk, manager, admin
staffVoidCheckIn     staff: manager, admin
listEventsAdmin      staff: manager, admin
getEventAdmin        staff: manager, admin
createEvent          staff: manager, admin
updateEvent          staff: manager, admin
previewEventNotice   staff: manager, admin
publishEvent         staff: manager, admin
cancelEvent          staff: manager, admin
getEventResults      staff: manager, admin
exportEventRoster    staff: manager, admin
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
  // uploadMallImage stores through the port: a folder of this run's own.
  app.deps.images = localImageStorage(mkdtempSync(join(tmpdir(), 'access-matrix-images-')))
  ;[{ id: storeId }] = await app.db.select({ id: stores.id }).from(stores)
  await app.db.insert(staff).values([
    { storeId, openid: ADMIN, name: '管理员', role: 'admin' },
    { storeId, openid: FORMER_CLERK, name: '离职店员', role: 'clerk', active: false },
  ])
})
afterAll(async () => app?.close())

const uniq = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`

/** A fresh template written straight to its table (not among the counted tables), so inputs can name one. */
async function insertTemplate(channel: 'claim' | 'grant'): Promise<string> {
  const [row] = await app.db
    .insert(couponTemplates)
    .values({ storeId, name: '权限测试券', kind: 'amount_off', amountOffFen: 500, validityKind: 'days', validDays: 7, perMemberLimit: 1, channel, createRequestId: uniq() })
    .returning({ id: couponTemplates.id })
  return String(row.id)
}

/** A gift written straight to its table (not counted), so the item operations can name one. */
async function insertConsoleMallItem(): Promise<string> {
  const [row] = await app.db
    .insert(mallItems)
    .values({ storeId, kind: 'gift', name: '权限测试礼品', pointsPrice: 100, stockTotal: 5, createRequestId: uniq() })
    .returning({ id: mallItems.id })
  return String(row.id)
}
const eventInput = { title: '权限测试活动', startsAt: '2025-07-01 19:00', endsAt: '2025-07-01 21:00', place: '本店二楼', capacity: 10, minTierCode: null, earlyTierCode: null }
const mallItemInput = { kind: 'gift', name: '权限测试礼品', pointsPrice: 100, stockTotal: 5, perMemberLimit: null, minTierCode: null }
/** The smallest PNG signature and header: enough for the type check by magic bytes. */
const PNG_BASE64 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64')

const templateInput = {
  name: '权限测试券',
  kind: 'amount_off',
  amountOffFen: 500,
  validity: { kind: 'days', days: 7 },
  totalQuantity: null,
  perMemberLimit: 1,
  minTierCode: null,
  channel: 'claim',
}

/** A coupon of the demo member, valid around the test clock (written directly: no audit, no counted rows). */
async function demoCoupon(): Promise<TestCoupon> {
  const [member] = await app.db.select({ id: members.id }).from(members).where(eq(members.openid, DEMO_OPENIDS.member))
  const now = app.clock.now().getTime()
  return issueTestCoupon(app.db, { memberId: member.id, validFrom: new Date(now - 86_400_000), validTo: new Date(now + 86_400_000) })
}
/**
 * A redemption of the demo member written straight to its table (no points held: a release returns none), fresh
 * each time so a confirm or a return always has one to act on.
 */
let mallItemId: number | undefined
async function demoRedemption(status: 'held' | 'picked_up'): Promise<{ id: string; code: string }> {
  mallItemId ??= (await insertMallItem(app.db, { name: '权限测试礼品', pointsPrice: 1, stockTotal: 1_000 })).id
  const [member] = await app.db.select({ id: members.id }).from(members).where(eq(members.openid, DEMO_OPENIDS.member))
  const [clerk] = await app.db.select({ id: staff.id }).from(staff).where(eq(staff.openid, DEMO_OPENIDS.clerk))
  const now = app.clock.now()
  const code = newPickupCode((n) => randomBytes(n))
  const [row] = await app.db
    .insert(mallRedemptions)
    .values({
      storeId,
      memberId: member.id,
      itemId: mallItemId,
      requestKey: `${member.id}:${uniq()}`,
      kind: 'gift',
      itemName: '权限测试礼品',
      quantity: 1,
      points: 1,
      periodKey: 'total',
      status,
      pickupCode: code,
      pickupExpiresAt: new Date(now.getTime() + 86_400_000),
      ...(status === 'picked_up' ? { pickedUpAt: now, pickedUpByStaffId: clerk.id } : {}),
      createdAt: now,
    })
    .returning({ id: mallRedemptions.id })
  // Counted as a redemption counts it, so a release (a manager's return) gives back what was taken.
  await app.db.update(mallItems).set({ redeemedCount: sql`${mallItems.redeemedCount} + 1` }).where(eq(mallItems.id, mallItemId))
  return { id: String(row.id), code }
}
/** The demo member's registration of a fresh event in a week (holding its one taken seat), for 我的活动's operations. */
async function demoEventRegistration(status: 'registered' | 'attended'): Promise<{ eventId: string; registrationId: string }> {
  const [member] = await app.db.select({ id: members.id }).from(members).where(eq(members.openid, DEMO_OPENIDS.member))
  const [clerk] = await app.db.select({ id: staff.id }).from(staff).where(eq(staff.openid, DEMO_OPENIDS.clerk))
  const now = app.clock.now()
  const event = await insertEvent(app.db, now, { title: '权限测试活动', seatsTaken: 1 })
  const attended = status === 'attended' ? { checkedInAt: now, checkedInByStaffId: clerk.id, checkInCount: 1 } : {}
  const r = await insertRegistration(app.db, { eventId: event.id, memberId: member.id, status, ...attended })
  return { eventId: String(event.id), registrationId: String(r.id) }
}
/**
 * A registration of the demo member for a fresh event whose door is open (events and registrations are not among
 * the counted tables), so each check-in or void has its own to act on.
 */
async function doorRegistration(status: 'registered' | 'attended' = 'registered'): Promise<{ eventId: string; registrationId: string; ticketCode: string }> {
  const now = app.clock.now()
  const event = await insertDoorEvent(app.db, now, { title: '权限测试活动' })
  const [member] = await app.db.select({ id: members.id }).from(members).where(eq(members.openid, DEMO_OPENIDS.member))
  const [clerk] = await app.db.select({ id: staff.id }).from(staff).where(eq(staff.openid, DEMO_OPENIDS.clerk))
  const r = await insertDoorRegistration(app.db, event.id, member.id, status, status === 'attended' ? { checkedInAt: now, checkedInByStaffId: clerk.id, checkInCount: 1 } : {})
  return { eventId: String(event.id), registrationId: String(r.id), ticketCode: r.ticketCode }
}
let verifiable: TestCoupon | undefined
let refundable: string | undefined

/** A valid input for each operation, so a refusal can only be about who is calling (`who`: the caller, for tickets). */
async function validInput(name: string, who?: string): Promise<unknown> {
  switch (name) {
    case 'claimCoupon':
      return { templateId: await insertTemplate('claim'), requestId: uniq() }
    case 'getMyCoupon': {
      const [coupon] = await app.db
        .select({ id: memberCoupons.id })
        .from(memberCoupons)
        .innerJoin(members, eq(members.id, memberCoupons.memberId))
        .where(eq(members.openid, DEMO_OPENIDS.member))
        .limit(1)
      return { id: String(coupon.id) }
    }
    case 'staffGrantCoupon': {
      // The till ticket is bound to the staff member who scanned: only the "serves" case passes `who`.
      const lookup = who ? await app.call('staffLookupMember', { memberCode: await memberCodeOf(app, DEMO_OPENIDS.member) }, who) : null
      const ticket = lookup?.ok ? (lookup.data as { ticket: string }).ticket : 'not-a-ticket'
      return { ticket, templateId: await insertTemplate('grant'), requestId: uniq() }
    }
    case 'createCouponTemplate':
      return { requestId: uniq(), template: templateInput }
    case 'updateCouponTemplate':
      return { id: await insertTemplate('claim'), template: templateInput }
    case 'setCouponTemplateStatus':
      return { id: await insertTemplate('claim'), status: 'stopped' }
    case 'createMallItem':
      return { requestId: uniq(), item: mallItemInput }
    case 'listEventsAdmin':
      return { tab: 'active' }
    case 'getEventAdmin':
    case 'previewEventNotice':
    case 'getEventResults':
    case 'exportEventRoster':
      return { eventId: String((await insertEvent(app.db, app.clock.now())).id) }
    case 'createEvent':
      return { requestId: uniq(), event: eventInput }
    case 'updateEvent':
      return { eventId: String((await insertEvent(app.db, app.clock.now(), { status: 'draft', publishedAt: null })).id), event: eventInput }
    case 'publishEvent':
      return { eventId: String((await insertEvent(app.db, app.clock.now(), { status: 'draft', publishedAt: null })).id), notify: false }
    case 'cancelEvent':
      return { eventId: String((await insertEvent(app.db, app.clock.now())).id), reason: '测试取消' }
    case 'updateMallItem':
      return { itemId: await insertConsoleMallItem(), item: mallItemInput }
    case 'setMallItemStatus':
      return { itemId: await insertConsoleMallItem(), status: 'stopped' }
    case 'uploadMallImage':
      return { contentType: 'image/png', dataBase64: PNG_BASE64 }
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
    case 'setMyBirthday':
      // The demo member's own birthday: repeating it is answered, not refused.
      return { birthday: { month: 5, day: 20, year: 1995 } }
    case 'staffCorrectBirthday': {
      // A ticket for the caller when there is one (the "serves" case), else for the manager.
      const staffId = (await app.db.select({ id: staff.id }).from(staff).where(eq(staff.openid, who ?? DEMO_OPENIDS.manager)))[0]?.id ?? 0
      const [member] = await app.db.select({ memberNo: members.memberNo }).from(members).where(eq(members.openid, DEMO_OPENIDS.member))
      return { ticket: signTillTicket(member.memberNo, staffId, app.clock.now(), app.config.memberCodeSecret), birthday: { month: 5, day: 20, year: 1995 }, reason: '核对身份证' }
    }
    case 'getMallItem':
      mallItemId ??= (await insertMallItem(app.db, { name: '权限测试礼品', pointsPrice: 1, stockTotal: 1_000 })).id
      return { itemId: String(mallItemId) }
    case 'redeemMallItem':
      // The same request each time: the first redeems (1 point), the others are its retries (answered).
      mallItemId ??= (await insertMallItem(app.db, { name: '权限测试礼品', pointsPrice: 1, stockTotal: 1_000 })).id
      return { itemId: String(mallItemId), quantity: 1, requestId: 'access-matrix-redeem' }
    case 'listMyRedemptions':
      return { tab: 'held' }
    case 'getMyRedemption':
    case 'cancelMyRedemption':
      return { redemptionId: (await demoRedemption('held')).id }
    case 'staffPreviewPickup':
    case 'staffConfirmPickup':
      return name === 'staffPreviewPickup' ? { pickupCode: (await demoRedemption('held')).code } : { pickupCode: (await demoRedemption('held')).code, requestId: uniq() }
    case 'staffReturnPickup':
      return { pickupCode: (await demoRedemption('picked_up')).code, reason: '测试退回' }
    case 'getEvent':
      return { eventId: String((await insertEvent(app.db, app.clock.now())).id) }
    case 'signUpForEvent':
      // A fresh event each time, so the demo member's sign-up is never refused as already registered.
      return { eventId: String((await insertEvent(app.db, app.clock.now())).id), requestId: uniq() }
    case 'cancelMyRegistration':
      return { registrationId: (await demoEventRegistration('registered')).registrationId }
    case 'listMyRegistrations':
      return { tab: 'upcoming' }
    case 'getMyRegistration':
      return { registrationId: (await demoEventRegistration('registered')).registrationId }
    case 'submitEventFeedback':
      return { registrationId: (await demoEventRegistration('attended')).registrationId, rating: 5, comment: '权限测试' }
    case 'staffGetDoorList':
      return { eventId: (await doorRegistration()).eventId }
    case 'staffPreviewTicket':
      return { ticketCode: (await doorRegistration()).ticketCode }
    case 'staffCheckIn':
      return { ticketCode: (await doorRegistration()).ticketCode, requestId: uniq() }
    case 'staffWalkIn': {
      // A walk-in of a new card with a ticket for the caller ("serves" only: the others are refused before the ticket is read).
      const eventId = (await doorRegistration()).eventId
      if (!who) return { eventId, memberTicket: 'not-a-ticket', requestId: uniq() }
      const { openid } = await openNewCard(app, `wx-access-walk-in-${uniq()}`)
      const lookup = await app.ok<{ ticket: string }>('staffLookupMember', { memberCode: await memberCodeOf(app, openid) }, who)
      return { eventId, memberTicket: lookup.ticket, requestId: uniq() }
    }
    case 'staffVoidCheckIn':
      return { registrationId: (await doorRegistration('attended')).registrationId, reason: '测试撤销' }
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
      expect(await app.call(name, await validInput(name, who), who)).toMatchObject({ ok: true })
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
