import { and, desc, eq } from 'drizzle-orm'
import { DEMO_OPENIDS, seedDemoData } from '../index'
import { auditLog, members, pointsLedger, purchases, staff, stores } from '../../db/schema'
import { signMemberCode } from '../../../domain/member-code'
import { createAppFixture, expectBalancesMatchLedger, memberCodeOf, openNewCard, type AppFixture } from '../../../../tests/helpers/app-fixture'

let app: AppFixture
const clerk = DEMO_OPENIDS.clerk
beforeAll(async () => {
  app = await createAppFixture()
})
afterEach(async () => expectBalancesMatchLedger(app.db))
afterAll(async () => app?.close())

const record = (memberCode: string, receiptNo: string, amountFen: number, as: string = clerk) =>
  app.call('staffRecordPurchase', { memberCode, receiptNo, amountFen }, as)

async function memberRow(openid: string) {
  const [row] = await app.db.select().from(members).where(eq(members.openid, openid))
  return row
}

/** The database's own reason for refusing, from drizzle's wrapped error. */
async function refusal(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query
  } catch (error) {
    const messages: string[] = []
    for (let e: any = error; e; e = e.cause) messages.push(String(e.message))
    return messages.join(' | ')
  }
  throw new Error('expected the database to refuse')
}

async function lastAudit() {
  const [row] = await app.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1)
  return row
}

describe('a clerk looking up a member by code', () => {
  it('sees the member with a masked phone, tier and points, and the read is audited', async () => {
    const code = await memberCodeOf(app, DEMO_OPENIDS.member)
    const card = (await app.ok('getMyCard', {}, DEMO_OPENIDS.member)).card
    const result = await app.ok('staffLookupMember', { memberCode: code }, clerk)
    expect(result.member).toEqual({
      memberNo: card.memberNo,
      nickname: '小林',
      phoneMasked: '138****5678',
      tier: card.tier,
      pointsBalance: card.pointsBalance,
      growth: card.growth,
    })
    const audit = await lastAudit()
    const [clerkRow] = await app.db.select().from(staff).where(eq(staff.openid, clerk))
    expect(audit).toMatchObject({ action: 'member.lookup', staffId: clerkRow.id, memberId: (await memberRow(DEMO_OPENIDS.member)).id })
    expect(JSON.stringify(audit.detail)).not.toContain('5678')
  })

  it('accepts a code that a member shows with spaces, as a scanner or typist may add', async () => {
    const code = await memberCodeOf(app, DEMO_OPENIDS.member)
    const spaced = code.replace(/(\d{4})/g, '$1 ').trim()
    expect((await app.call('staffLookupMember', { memberCode: spaced }, clerk)).ok).toBe(true)
  })

  it('refuses a code older than two minutes as stale but accepts one exactly two minutes old', async () => {
    const code = await memberCodeOf(app, DEMO_OPENIDS.member)
    app.clock.advanceS(120)
    expect((await app.call('staffLookupMember', { memberCode: code }, clerk)).ok).toBe(true)
    app.clock.advanceS(1)
    const before = await app.counts()
    expect(await app.call('staffLookupMember', { memberCode: code }, clerk)).toEqual({
      ok: false,
      error: { code: 'CODE_STALE', message: '会员码已过期，请让顾客刷新后重新出示' },
    })
    expect(await record(code, 'STALE-1', 10_000)).toMatchObject({ ok: false, error: { code: 'CODE_STALE' } })
    expect(await app.counts()).toEqual(before)
  })

  it('refuses a tampered code, a code signed with another secret and one from the future as forged, recording only that', async () => {
    const code = await memberCodeOf(app, DEMO_OPENIDS.member)
    const tampered = code.slice(0, 23) + ((Number(code[23]) + 1) % 10)
    const memberNo = code.slice(0, 8)
    const otherSecret = signMemberCode(memberNo, app.clock.now(), 'not-the-store-secret').code
    const future = signMemberCode(memberNo, new Date(app.clock.now().getTime() + 31_000), app.config.memberCodeSecret).code
    // Two staff accounts, so the six refusals stay under each one's forged-code limit (forged-code-limit.test.ts).
    const [store] = await app.db.select().from(stores)
    await app.db.insert(staff).values([
      { storeId: store.id, openid: 'wx-forgery-lookup', name: '查询店员', role: 'clerk' },
      { storeId: store.id, openid: 'wx-forgery-record', name: '入账店员', role: 'clerk' },
    ])
    const before = await app.counts()
    for (const bad of [tampered, otherSecret, future]) {
      expect(await app.call('staffLookupMember', { memberCode: bad }, 'wx-forgery-lookup')).toEqual({
        ok: false,
        error: { code: 'CODE_FORGED', message: '会员码无效，请让顾客出示小程序内的会员码' },
      })
      expect(await record(bad, 'FORGED-1', 10_000, 'wx-forgery-record')).toMatchObject({ ok: false, error: { code: 'CODE_FORGED' } })
    }
    expect(await app.counts()).toEqual({ ...before, auditLog: before.auditLog + 6 })
    expect(await lastAudit()).toMatchObject({ action: 'member.code_forged', memberId: null, detail: {} })
  })

  it('answers MEMBER_NOT_FOUND for a correctly signed code of a member number nobody has', async () => {
    const code = signMemberCode('99999999', app.clock.now(), app.config.memberCodeSecret).code
    expect(await app.call('staffLookupMember', { memberCode: code }, clerk)).toEqual({
      ok: false,
      error: { code: 'MEMBER_NOT_FOUND', message: '未找到该会员' },
    })
  })
})

describe('who may use the staff functions', () => {
  it('refuses members, unknown callers and deactivated staff with FORBIDDEN and writes nothing', async () => {
    const [store] = await app.db.select().from(stores)
    await app.db.insert(staff).values({ storeId: store.id, openid: 'wx-former-clerk', name: '离职店员', role: 'clerk', active: false })
    const code = await memberCodeOf(app, DEMO_OPENIDS.member)
    const before = await app.counts()
    for (const who of [DEMO_OPENIDS.member, 'wx-unknown-person', 'wx-former-clerk']) {
      expect(await app.call('staffLookupMember', { memberCode: code }, who)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '没有权限执行此操作' },
      })
      expect(await record(code, `FORBIDDEN-${who}`, 10_000, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await app.counts()).toEqual(before)
  })

  it('lets a manager record purchases too', async () => {
    const { openid } = await openNewCard(app, 'wx-manager-customer')
    const result = await record(await memberCodeOf(app, openid), 'MGR-1', 5_000, DEMO_OPENIDS.manager)
    expect(result).toMatchObject({ ok: true, data: { pointsEarned: 50 } })
  })
})

describe('recording a purchase at the till', () => {
  it('credits one point and one growth per whole yuan, with a ledger entry, a receipt row and an audit row', async () => {
    const { openid } = await openNewCard(app, 'wx-first-purchase')
    const code = await memberCodeOf(app, openid)
    const result = await app.ok('staffRecordPurchase', { memberCode: code, receiptNo: 'R-1001', amountFen: 12_399 }, clerk)
    expect(result).toMatchObject({
      alreadyRecorded: false,
      // No coupon and the store's POS applies the tier price (the default): what was entered is what was paid.
      grossFen: 12_399,
      tierDiscountFen: 0,
      couponDiscountFen: 0,
      paidFen: 12_399,
      coupon: null,
      pointsEarned: 123,
      growthEarned: 123,
      promotedTo: null,
      member: { pointsBalance: 123, growth: 123, tier: { code: 'normal' } },
    })
    const member = await memberRow(openid)
    const ledger = await app.db.select().from(pointsLedger).where(eq(pointsLedger.memberId, member.id))
    expect(ledger).toHaveLength(1)
    expect(ledger[0]).toMatchObject({ reason: 'earn', delta: 123, requestId: 'purchase:R-1001' })
    // Earned 2025-06-15 in Shanghai: valid through 2026, i.e. until 2027-01-01 00:00 +08:00.
    expect(ledger[0].expiresAt?.toISOString()).toBe('2026-12-31T16:00:00.000Z')
    const [purchase] = await app.db.select().from(purchases).where(eq(purchases.receiptNo, 'R-1001'))
    expect(purchase).toMatchObject({ memberId: member.id, amountFen: 12_399, grossFen: 12_399, tierDiscountFen: 0, couponDiscountFen: 0, couponId: null })
    const audit = await lastAudit()
    expect(audit).toMatchObject({ action: 'purchase.record', memberId: member.id })
    expect(audit.detail).toMatchObject({ receiptNo: 'R-1001', amountFen: 12_399, pointsEarned: 123, growthEarned: 123 })
    expect((await app.ok('getMyCard', {}, openid)).card).toMatchObject({ pointsBalance: 123, growth: 123, growthToNext: 877 })
  })

  it('shows the member the new entry at the top of their points history', async () => {
    const { openid } = await openNewCard(app, 'wx-history-after')
    await app.ok('staffRecordPurchase', { memberCode: await memberCodeOf(app, openid), receiptNo: 'R-HIST', amountFen: 8_800 }, clerk)
    const { entries, pointsBalance } = await app.ok('listPointsHistory', {}, openid)
    // The amount paid comes with the entry it earned, and the balance with the page (the 积分明细 header).
    expect(entries).toEqual([
      { id: expect.any(String), reason: 'earn', delta: 88, note: expect.stringContaining('R-HIST'), createdAt: app.clock.now().toISOString(), amountFen: 8_800 },
    ])
    expect(pointsBalance).toBe(88)
  })

  it('promotes the member the moment growth crosses a threshold, and not again below the next one', async () => {
    const { openid } = await openNewCard(app, 'wx-promotion')
    const code = await memberCodeOf(app, openid)
    const below = await app.ok('staffRecordPurchase', { memberCode: code, receiptNo: 'P-1', amountFen: 99_900 }, clerk)
    expect(below).toMatchObject({ promotedTo: null, member: { growth: 999, tier: { code: 'normal' } } })
    const across = await app.ok('staffRecordPurchase', { memberCode: code, receiptNo: 'P-2', amountFen: 100 }, clerk)
    expect(across).toMatchObject({ promotedTo: { code: 'silver', name: '银卡', discountPct: 85 }, member: { growth: 1000, tier: { code: 'silver' } } })
    const after = await app.ok('staffRecordPurchase', { memberCode: code, receiptNo: 'P-3', amountFen: 10_000 }, clerk)
    expect(after).toMatchObject({ promotedTo: null, member: { tier: { code: 'silver' } } })
    expect((await app.ok('getMyCard', {}, openid)).card).toMatchObject({ tier: { code: 'silver' }, nextTier: { code: 'gold' }, growthToNext: 3_900 })
    expect((await lastAudit()).detail).toMatchObject({ promotedTo: null })
  })

  it('skips tiers when one purchase crosses several thresholds', async () => {
    const { openid } = await openNewCard(app, 'wx-big-spender')
    const result = await app.ok('staffRecordPurchase', { memberCode: await memberCodeOf(app, openid), receiptNo: 'BIG-1', amountFen: 2_000_000 }, clerk)
    expect(result).toMatchObject({ pointsEarned: 20_000, promotedTo: { code: 'diamond' }, member: { tier: { code: 'diamond' } } })
  })

  it('records a purchase under one yuan without points and without a ledger entry', async () => {
    const { openid } = await openNewCard(app, 'wx-small-change')
    const before = await app.counts()
    const result = await app.ok('staffRecordPurchase', { memberCode: await memberCodeOf(app, openid), receiptNo: 'SMALL-1', amountFen: 99 }, clerk)
    expect(result).toMatchObject({ alreadyRecorded: false, pointsEarned: 0, growthEarned: 0, member: { pointsBalance: 0 } })
    const after = await app.counts()
    expect(after.purchases).toBe(before.purchases + 1)
    expect(after.pointsLedger).toBe(before.pointsLedger)
  })

  it('answers alreadyRecorded for the same receipt entered twice and credits it once', async () => {
    const { openid } = await openNewCard(app, 'wx-twice')
    const code = await memberCodeOf(app, openid)
    const first = await app.ok('staffRecordPurchase', { memberCode: code, receiptNo: 'DUP-1', amountFen: 5_000 }, clerk)
    const before = await app.counts()
    app.clock.advanceS(30)
    const second = await app.ok('staffRecordPurchase', { memberCode: await memberCodeOf(app, openid), receiptNo: 'DUP-1', amountFen: 5_000 }, clerk)
    expect(second).toEqual({
      alreadyRecorded: true,
      grossFen: 5_000,
      tierDiscountFen: 0,
      couponDiscountFen: 0,
      paidFen: 5_000,
      coupon: null,
      pointsEarned: 0,
      growthEarned: 0,
      promotedTo: null,
      member: first.member,
    })
    const after = await app.counts()
    expect(after.purchases).toBe(before.purchases)
    expect(after.pointsLedger).toBe(before.pointsLedger)
    expect((await memberRow(openid)).pointsBalance).toBe(50)
    // The repeat is audited, naming the first recording.
    const [purchase] = await app.db.select().from(purchases).where(eq(purchases.receiptNo, 'DUP-1'))
    expect(after.auditLog).toBe(before.auditLog + 1)
    expect(await lastAudit()).toMatchObject({
      action: 'purchase.duplicate',
      memberId: (await memberRow(openid)).id,
      detail: { receiptNo: 'DUP-1', amountFen: 5_000, purchaseId: purchase.id },
    })
  })

  it('treats receipt numbers case-insensitively: "dup-2" after "DUP-2" is the same receipt', async () => {
    const { openid } = await openNewCard(app, 'wx-receipt-case')
    await record(await memberCodeOf(app, openid), 'DUP-2', 1_000)
    const again = await app.ok('staffRecordPurchase', { memberCode: await memberCodeOf(app, openid), receiptNo: 'dup-2', amountFen: 1_000 }, clerk)
    expect(again.alreadyRecorded).toBe(true)
    expect((await memberRow(openid)).pointsBalance).toBe(10)
  })

  it('refuses the same receipt with another amount, naming the recorded amount, and writes nothing', async () => {
    const { openid } = await openNewCard(app, 'wx-receipt-amount')
    await record(await memberCodeOf(app, openid), 'TYPO-1', 1_280)
    const before = await app.counts()
    const result = await record(await memberCodeOf(app, openid), 'TYPO-1', 128_000)
    expect(result).toMatchObject({ ok: false, error: { code: 'RECEIPT_AMOUNT_MISMATCH' } })
    expect((result as { error: { message: string } }).error.message).toContain('¥12.80')
    expect(await app.counts()).toEqual(before)
    expect((await memberRow(openid)).pointsBalance).toBe(12)
  })

  it('refuses a receipt already recorded for another member with RECEIPT_CONFLICT and writes nothing', async () => {
    const a = await openNewCard(app, 'wx-receipt-owner')
    const b = await openNewCard(app, 'wx-receipt-other')
    await app.ok('staffRecordPurchase', { memberCode: await memberCodeOf(app, a.openid), receiptNo: 'SHARED-1', amountFen: 3_000 }, clerk)
    const before = await app.counts()
    expect(await record(await memberCodeOf(app, b.openid), 'SHARED-1', 3_000)).toEqual({
      ok: false,
      error: { code: 'RECEIPT_CONFLICT', message: '该小票号已用于其他会员的消费，请核对小票号' },
    })
    expect(await app.counts()).toEqual(before)
    expect((await memberRow(b.openid)).pointsBalance).toBe(0)
  })

  it('refuses purchases for a closed card as MEMBER_NOT_FOUND', async () => {
    const { openid } = await openNewCard(app, 'wx-closed-card')
    const code = await memberCodeOf(app, openid)
    await app.db.update(members).set({ status: 'closed', closedAt: app.clock.now() }).where(eq(members.openid, openid))
    expect(await record(code, 'CLOSED-1', 1_000)).toMatchObject({ ok: false, error: { code: 'MEMBER_NOT_FOUND' } })
    expect(await app.call('getMyCard', {}, openid)).toMatchObject({ ok: false, error: { code: 'MEMBER_CLOSED' } })
  })
})

describe('the demo seed', () => {
  it('seeds once: a second call writes nothing', async () => {
    const before = await app.counts()
    expect(before.members).toBeGreaterThanOrEqual(51)
    await seedDemoData(app.db, app.clock.now(), app.config)
    expect(await app.counts()).toEqual(before)
  })
})

describe('what the database itself guarantees', () => {
  it('refuses to update or delete ledger entries', async () => {
    const [entry] = await app.db.select().from(pointsLedger).limit(1)
    expect(await refusal(app.db.update(pointsLedger).set({ delta: 1_000_000 }).where(eq(pointsLedger.id, entry.id)))).toMatch(/append-only: UPDATE/)
    expect(await refusal(app.db.delete(pointsLedger).where(eq(pointsLedger.id, entry.id)))).toMatch(/append-only: DELETE/)
    const [still] = await app.db.select().from(pointsLedger).where(eq(pointsLedger.id, entry.id))
    expect(still).toEqual(entry)
  })

  it('refuses a second ledger entry with the same request id', async () => {
    const [entry] = await app.db.select().from(pointsLedger).limit(1)
    const { id: _id, ...copy } = entry
    expect(await refusal(app.db.insert(pointsLedger).values(copy))).toMatch(/points_ledger_store_request_uq/)
  })

  it('refuses a negative points balance and an unknown ledger reason', async () => {
    const demo = await memberRow(DEMO_OPENIDS.member)
    expect(await refusal(app.db.update(members).set({ pointsBalance: -1 }).where(eq(members.id, demo.id)))).toMatch(/members_points_balance_ck/)
    expect(
      await refusal(
        app.db.insert(pointsLedger).values({ storeId: demo.storeId, memberId: demo.id, reason: 'gift', delta: 1, requestId: 'bad-reason', createdAt: new Date() }),
      ),
    ).toMatch(/points_ledger_reason_ck/)
  })

  it('refuses a second card for the same WeChat user in the same store', async () => {
    const demo = await memberRow(DEMO_OPENIDS.member)
    const { id: _id, memberNo: _no, ...copy } = demo
    expect(await refusal(app.db.insert(members).values(copy))).toMatch(/members_store_openid_uq/)
    expect(await app.db.select().from(members).where(and(eq(members.openid, DEMO_OPENIDS.member)))).toHaveLength(1)
  })
})

describe('the till ticket from a lookup', () => {
  const lookup = async (openid: string, as: string = clerk) =>
    app.ok<{ ticket: string; ticketExpiresAt: string }>('staffLookupMember', { memberCode: await memberCodeOf(app, openid) }, as)
  const recordWithTicket = (ticket: string, receiptNo: string, amountFen: number, as: string = clerk) =>
    app.call('staffRecordPurchase', { ticket, receiptNo, amountFen }, as)

  it('records a long checkout after the member code has gone stale, for ten minutes', async () => {
    const { openid } = await openNewCard(app, 'wx-slow-checkout')
    const { ticket, ticketExpiresAt } = await lookup(openid)
    expect(Date.parse(ticketExpiresAt) - app.clock.now().getTime()).toBe(600_000)
    app.clock.advanceS(5 * 60) // any member code from the scan is long stale now
    const result = await recordWithTicket(ticket, 'SLOW-1', 9_900)
    expect(result).toMatchObject({ ok: true, data: { alreadyRecorded: false, pointsEarned: 99 } })
  })

  it('lets a clerk retry after a timeout with the same ticket and receipt: credited once', async () => {
    const { openid } = await openNewCard(app, 'wx-retry')
    const { ticket } = await lookup(openid)
    await recordWithTicket(ticket, 'RETRY-1', 2_000)
    app.clock.advanceS(150)
    expect(await recordWithTicket(ticket, 'RETRY-1', 2_000)).toMatchObject({ ok: true, data: { alreadyRecorded: true, pointsEarned: 0 } })
    expect((await memberRow(openid)).pointsBalance).toBe(20)
  })

  it('refuses a ticket older than ten minutes, another clerk\'s ticket and a forged one, writing nothing', async () => {
    const { openid } = await openNewCard(app, 'wx-ticket-refusals')
    const { ticket } = await lookup(openid)
    const before = await app.counts()
    expect(await recordWithTicket(ticket, 'T-1', 1_000, DEMO_OPENIDS.manager)).toMatchObject({ ok: false, error: { code: 'TICKET_INVALID' } })
    expect(await recordWithTicket(ticket.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), 'T-2', 1_000)).toMatchObject({
      ok: false,
      error: { code: 'TICKET_INVALID' },
    })
    app.clock.advanceS(601)
    expect(await recordWithTicket(ticket, 'T-3', 1_000)).toMatchObject({ ok: false, error: { code: 'TICKET_STALE', message: '距扫码已超过 10 分钟，请重新扫码' } })
    expect(await app.counts()).toEqual(before)
  })

  it('needs exactly one of a ticket and a member code', async () => {
    const { openid } = await openNewCard(app, 'wx-ticket-or-code')
    const { ticket } = await lookup(openid)
    const code = await memberCodeOf(app, openid)
    for (const input of [{ receiptNo: 'X-1', amountFen: 100 }, { ticket, memberCode: code, receiptNo: 'X-2', amountFen: 100 }]) {
      expect(await app.call('staffRecordPurchase', input, clerk)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', fields: { ticket: '请先扫码查询会员' } } })
    }
  })
})

describe('staff recording purchases to their own card', () => {
  it('refuses a clerk with SELF_DEALING, in Chinese, writing nothing, by code or by ticket', async () => {
    await app.ok('openCard', { nickname: '店员自己', phone: '13500002001' }, clerk)
    const code = await memberCodeOf(app, clerk)
    const { ticket } = await app.ok('staffLookupMember', { memberCode: code }, clerk)
    const before = await app.counts()
    expect(await record(code, 'SELF-1', 10_000)).toEqual({
      ok: false,
      error: { code: 'SELF_DEALING', message: '店员不能为自己的会员卡记录消费，请由其他店员或店长操作' },
    })
    expect(await app.call('staffRecordPurchase', { ticket, receiptNo: 'SELF-2', amountFen: 10_000 }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'SELF_DEALING' },
    })
    expect(await app.counts()).toEqual(before)
    expect((await memberRow(clerk)).pointsBalance).toBe(0)
    // Another member of staff may record it for them.
    expect(await record(code, 'SELF-3', 10_000, DEMO_OPENIDS.manager)).toMatchObject({ ok: true, data: { pointsEarned: 100 } })
  })

  it('lets a manager record to their own card, audited as self-service', async () => {
    const manager = DEMO_OPENIDS.manager
    await app.ok('openCard', { nickname: '店长自己', phone: '13500002002' }, manager)
    const result = await record(await memberCodeOf(app, manager), 'SELF-MGR-1', 8_800, manager)
    expect(result).toMatchObject({ ok: true, data: { pointsEarned: 88 } })
    const audit = await lastAudit()
    const [managerRow] = await app.db.select().from(staff).where(eq(staff.openid, manager))
    expect(audit).toMatchObject({ action: 'purchase.record', staffId: managerRow.id, memberId: (await memberRow(manager)).id })
    expect(audit.detail).toMatchObject({ receiptNo: 'SELF-MGR-1', selfService: true })
  })

  it('does not mark an ordinary purchase as self-service', async () => {
    const { openid } = await openNewCard(app, 'wx-not-self')
    await record(await memberCodeOf(app, openid), 'NOT-SELF-1', 1_000)
    expect((await lastAudit()).detail).not.toHaveProperty('selfService')
  })
})
