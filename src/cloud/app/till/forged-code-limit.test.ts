import { and, asc, eq } from 'drizzle-orm'
import { signMemberCode } from '../../../domain/member-code'
import { createAppFixture, memberCodeOf, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { auditLog, staff, stores } from '../../db/schema'
import { DEMO_OPENIDS } from '../index'
import { FORGED_CODE_LIMIT, FORGED_CODE_WINDOW_S } from './forged-code-limit'

let app: AppFixture
let clerkNo = 0
beforeAll(async () => {
  app = await createAppFixture()
})
afterAll(async () => app?.close())

/** A clerk of their own per test: the limit is per staff account. */
async function newClerk(): Promise<{ openid: string; id: number }> {
  const [store] = await app.db.select().from(stores)
  const openid = `wx-limit-clerk-${++clerkNo}`
  const [row] = await app.db.insert(staff).values({ storeId: store.id, openid, name: `店员${clerkNo}`, role: 'clerk' }).returning()
  return { openid, id: row.id }
}

const forgedCode = () => signMemberCode('10000001', app.clock.now(), 'a-guessed-secret').code
const lookup = (memberCode: string, as: string) => app.call('staffLookupMember', { memberCode }, as)
const auditOf = (staffId: number, action: string) =>
  app.db.select().from(auditLog).where(and(eq(auditLog.staffId, staffId), eq(auditLog.action, action))).orderBy(asc(auditLog.id))

describe('forged member codes', () => {
  it(`slow a staff account down after ${FORGED_CODE_LIMIT} within ${FORGED_CODE_WINDOW_S / 60} minutes, until the first leaves the window`, async () => {
    const clerk = await newClerk()
    const start = app.clock.now().getTime()
    for (let i = 0; i < FORGED_CODE_LIMIT; i++) {
      expect(await lookup(forgedCode(), clerk.openid)).toMatchObject({ ok: false, error: { code: 'CODE_FORGED' } })
      app.clock.advanceS(10)
    }
    // Every refusal is in the audit log, and so is the slow-down.
    expect(await auditOf(clerk.id, 'member.code_forged')).toHaveLength(FORGED_CODE_LIMIT)
    expect(await auditOf(clerk.id, 'staff.rate_limited')).toEqual([
      expect.objectContaining({ detail: { reason: 'forged member codes', count: FORGED_CODE_LIMIT, windowS: FORGED_CODE_WINDOW_S } }),
    ])

    // Now even a genuine code is refused, for lookups and purchases alike, with a Chinese message saying how long.
    const genuine = await memberCodeOf(app, DEMO_OPENIDS.member)
    const limited = await lookup(genuine, clerk.openid)
    expect(limited).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '无效会员码次数过多，请 10 分钟后再试' } })
    expect(await app.call('staffRecordPurchase', { memberCode: genuine, receiptNo: 'LIMIT-1', amountFen: 1_000 }, clerk.openid)).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    })
    // Another clerk is not affected.
    expect(await lookup(genuine, DEMO_OPENIDS.clerk)).toMatchObject({ ok: true })

    // One millisecond before the first refusal is ten minutes old: still limited.
    app.clock.set(new Date(start + FORGED_CODE_WINDOW_S * 1000 - 1))
    expect(await lookup(await memberCodeOf(app, DEMO_OPENIDS.member), clerk.openid)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    // Exactly ten minutes: the first refusal has left the window, four remain, the clerk may scan again.
    app.clock.set(new Date(start + FORGED_CODE_WINDOW_S * 1000))
    expect(await lookup(await memberCodeOf(app, DEMO_OPENIDS.member), clerk.openid)).toMatchObject({ ok: true })
    // …and one more forged code brings the limit straight back.
    expect(await lookup(forgedCode(), clerk.openid)).toMatchObject({ ok: false, error: { code: 'CODE_FORGED' } })
    expect(await lookup(await memberCodeOf(app, DEMO_OPENIDS.member), clerk.openid)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
  })

  it('do not count stale or malformed codes, which are honest mistakes', async () => {
    const clerk = await newClerk()
    const stale = await memberCodeOf(app, DEMO_OPENIDS.member)
    app.clock.advanceS(121)
    for (let i = 0; i < FORGED_CODE_LIMIT + 2; i++) {
      expect(await lookup(stale, clerk.openid)).toMatchObject({ ok: false, error: { code: 'CODE_STALE' } })
    }
    expect(await lookup(await memberCodeOf(app, DEMO_OPENIDS.member), clerk.openid)).toMatchObject({ ok: true })
    expect(await auditOf(clerk.id, 'member.code_forged')).toEqual([])
  })
})
