import { sql } from 'drizzle-orm'
import { Client } from 'pg'
import { DEMO_OPENIDS } from '../../src/cloud/app'
import { createAppFixture, memberCodeOf, openNewCard, type AppFixture } from '../helpers/app-fixture'
import { databaseUrlFor } from '../helpers/pg-admin'
import { requirePostgres } from '../helpers/test-db'
import { expectAcknowledgedStored, expectOnlyInternalFailures, purchasesUnderKills, terminateBackends, within } from './purchases-under-kills'

// Real PostgreSQL only (npm run test:pg): connections are killed from the server side, as a restart, a failover or
// an admin's pg_terminate_backend would, while purchases run through the real dispatch. Before the fix the first
// kill between two queries of a transaction was an unhandled 'error' event that ended the process (here: the test).
let app: AppFixture
let admin: Client
let databaseName: string
let logged: jest.SpyInstance

beforeAll(async () => {
  logged = jest.spyOn(console, 'error').mockImplementation(() => {})
  const url = requirePostgres()
  app = await createAppFixture({ poolMax: 6 })
  admin = new Client({ connectionString: url })
  await admin.connect()
  databaseName = await currentDatabase()
})
afterAll(async () => {
  logged.mockRestore()
  await admin?.end()
  await app?.close()
})

async function currentDatabase(): Promise<string> {
  const result = (await app.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] }
  return result.rows[0].name
}

describe('PostgreSQL connections lost under load', () => {
  it('answers the calls in flight INTERNAL, reconnects, and loses nothing it acknowledged', async () => {
    const { openid } = await openNewCard(app, 'wx-fault-member')
    const code = await memberCodeOf(app, openid)
    // 12 workers over a 6-connection pool: every connection is almost always inside a transaction.
    const { outcomes, killed } = await purchasesUnderKills({
      record: (receiptNo) => app.call('staffRecordPurchase', { memberCode: code, receiptNo, amountFen: 1_000 }, DEMO_OPENIDS.clerk),
      terminate: () => terminateBackends(admin, databaseName),
      total: 240,
      workers: 12,
      receiptPrefix: 'FAULT-',
      killRounds: 10,
      pauseMs: (round) => 40 + round * 7,
    })
    expectOnlyInternalFailures(outcomes, killed)

    // The pool reconnects: later calls all succeed.
    for (let i = 1; i <= 10; i++) {
      const result = await app.call('staffRecordPurchase', { memberCode: code, receiptNo: `AFTER-${i}`, amountFen: 500 }, DEMO_OPENIDS.clerk)
      expect(result).toMatchObject({ ok: true })
    }

    // Nothing acknowledged is lost.
    await expectAcknowledgedStored(databaseUrlFor(requirePostgres(), databaseName), outcomes)

    // The failures were logged, without the query's parameters (the member's openid, the receipt numbers).
    const lines = logged.mock.calls.map((args) => args.join(' '))
    expect(lines.some((l) => /57P01|terminated/.test(l))).toBe(true)
    expect(lines.filter((l) => l.includes(openid) || l.includes('FAULT-') || l.includes(code))).toEqual([])
  })

  it('frees the pool slot of a connection that dies before its transaction begins', async () => {
    // Kill every connection while they sit idle in the pool, many times over: a pool that leaked the slot of a
    // client failing on BEGIN would run dry after `poolMax` such failures and the calls below would hang.
    for (let round = 0; round < 8; round++) {
      await terminateBackends(admin, databaseName)
      const results = await within(5_000, Promise.all(Array.from({ length: 8 }, () => app.call('whoAmI', {}, DEMO_OPENIDS.member))))
      expect(results.every((r) => r.ok || r.error.code === 'INTERNAL')).toBe(true)
    }
    const after = await within(5_000, Promise.all(Array.from({ length: 8 }, () => app.call('whoAmI', {}, DEMO_OPENIDS.member))))
    expect(after.every((r) => r.ok)).toBe(true)
  })
})
