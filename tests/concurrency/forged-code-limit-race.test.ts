import { and, eq } from 'drizzle-orm'
import { auditLog, staff, stores } from '../../src/cloud/db/schema'
import { FORGED_CODE_LIMIT } from '../../src/cloud/app/till/forged-code-limit'
import { signMemberCode } from '../../src/domain/member-code'
import { createAppFixture, type AppFixture } from '../helpers/app-fixture'
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
