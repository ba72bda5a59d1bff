import { and, eq, sql } from 'drizzle-orm'
import { DEMO_OPENIDS } from '../../src/cloud/app'
import { auditLog, staff, stores } from '../../src/cloud/db/schema'
import { FORGED_CODE_LIMIT } from '../../src/cloud/app/till/forged-code-limit'
import { signMemberCode } from '../../src/domain/member-code'
import { createAppFixture, memberCodeOf, type AppFixture } from '../helpers/app-fixture'
import { requirePostgres } from '../helpers/test-db'

// Real PostgreSQL only (npm run test:pg): the forged-code limit must hold exactly when one account fires many at once.
let app: AppFixture
beforeAll(async () => {
  requirePostgres()
  app = await createAppFixture({ poolMax: 20 })
})
afterAll(async () => app?.close())

describe('forged member codes sent concurrently by one staff account', () => {
  it(`records exactly ${FORGED_CODE_LIMIT} of 20 and refuses the rest as RATE_LIMITED`, async () => {
    const [store] = await app.db.select().from(stores)
    const [clerk] = await app.db.insert(staff).values({ storeId: store.id, openid: 'wx-guessing-clerk', name: '猜码', role: 'clerk' }).returning()
    const codes = Array.from({ length: 20 }, (_, i) => signMemberCode('10000001', app.clock.now(), `guess-${i}`).code)
    const results = await Promise.all(codes.map((memberCode) => app.call('staffLookupMember', { memberCode }, 'wx-guessing-clerk')))
    const codesOf = results.map((r) => (r.ok ? 'ok' : r.error.code))
    expect(codesOf.filter((c) => c === 'CODE_FORGED')).toHaveLength(FORGED_CODE_LIMIT)
    expect(codesOf.filter((c) => c === 'RATE_LIMITED')).toHaveLength(20 - FORGED_CODE_LIMIT)
    const recorded = await app.db.select().from(auditLog).where(and(eq(auditLog.staffId, clerk.id), eq(auditLog.action, 'member.code_forged')))
    expect(recorded).toHaveLength(FORGED_CODE_LIMIT)
  })
})

describe('a genuine code on the normal path', () => {
  it("does not wait for the staff row's lock (the limit is read from the row, not counted under a lock)", async () => {
    const [clerk] = await app.db.select().from(staff).where(eq(staff.openid, DEMO_OPENIDS.clerk))
    const memberCode = await memberCodeOf(app, DEMO_OPENIDS.member)
    const outcome = await app.db.transaction(async (holder) => {
      // Another call holding the clerk's row, as a forged code being counted does, until we are done.
      await holder.execute(sql`select id from staff where id = ${clerk.id} for no key update`)
      const timeout = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 3_000))
      const lookup = app.call('staffLookupMember', { memberCode }, DEMO_OPENIDS.clerk).then((r) => (r.ok ? 'ok' : r.error.code))
      const purchase = app
        .call('staffRecordPurchase', { memberCode, receiptNo: 'NO-STAFF-LOCK-1', amountFen: 1_000 }, DEMO_OPENIDS.clerk)
        .then((r) => (r.ok ? 'ok' : r.error.code))
      return Promise.all([Promise.race([lookup, timeout]), Promise.race([purchase, timeout])])
    })
    expect(outcome).toEqual(['ok', 'ok'])
  })
})
