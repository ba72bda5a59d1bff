import { sql } from 'drizzle-orm'
import { executeRows } from '../../src/cloud/db/db'
import { stores } from '../../src/cloud/db/schema'
import type { StoreRow } from '../../src/cloud/db/repositories/stores'
import { pointsExpiryChunk, pointsExpiryJob } from '../../src/cloud/jobs/points-expiry'
import { runJob } from '../../src/cloud/jobs/run-job'
import { createAppFixture, expectBalancesMatchLedger, type AppFixture } from '../helpers/app-fixture'
import { balanceOf, movePoints, newLotsMember, sh, type LotsMember } from '../helpers/points-lots-fixtures'
import { requirePostgres } from '../helpers/test-db'

// Real PostgreSQL only (npm run test:pg): the member locks and the shared expire key only mean something with
// real concurrency.
let app: AppFixture
let store: StoreRow

beforeAll(async () => {
  requirePostgres()
  app = await createAppFixture({ poolMax: 20 })
  ;[store] = await app.db.select().from(stores)
})
afterAll(async () => app?.close())

async function membersWith(prefix: string, count: number, dueYear: number): Promise<LotsMember[]> {
  const made: LotsMember[] = []
  for (let i = 0; i < count; i++) {
    const m = await newLotsMember(app, `wx-expiry-race-${prefix}-${i}`)
    await movePoints(app.db, m, 'earn', 100, sh(`${dueYear}-05-01 10:00:00`))
    await movePoints(app.db, m, 'earn', 20, sh(`${dueYear + 1}-05-01 10:00:00`))
    made.push(m)
  }
  return made
}

/** Each member: exactly one 'expire' entry, of the due lot's 100. */
async function expiredOnce(group: readonly LotsMember[]): Promise<void> {
  const rows = await executeRows<{ member_id: string; entries: string; points: string | null }>(
    app.db.execute(sql`
      select m.id as member_id, count(l.id) as entries, -sum(l.delta) as points
      from members m left join points_ledger l on l.member_id = m.id and l.reason = 'expire'
      where m.id = any(${`{${group.map((g) => g.id).join(',')}}`}::bigint[])
      group by m.id`),
  )
  expect(rows).toHaveLength(group.length)
  for (const r of rows) expect([r.member_id, Number(r.entries), Number(r.points)]).toEqual([r.member_id, 1, 100])
  await expectBalancesMatchLedger(app.db)
}

describe('the year-end job racing', () => {
  it('itself: 6 walkers over the same members at once write one entry per member', async () => {
    const group = await membersWith('twice', 30, 2025)
    const input = { asOf: sh('2027-01-01 00:05:00'), cursor: null, store }
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        let r = await pointsExpiryChunk(app.deps, input, 4)
        while (!r.done) r = await pointsExpiryChunk(app.deps, { ...input, cursor: r.cursor }, 4)
      }),
    )
    await expiredOnce(group)
  })

  it('two scheduled runs at once: one entry per member', async () => {
    const group = await membersWith('runs', 20, 2026)
    const runs = await Promise.all([runJob(app.deps, pointsExpiryJob, sh('2028-01-01 00:05:00')), runJob(app.deps, pointsExpiryJob, sh('2028-01-01 00:05:00'))])
    for (const r of runs) expect(['busy', 'done']).toContain(r.status)
    await expiredOnce(group)
  })

  it('redemptions of the same members: consistent, each spend from the next year\'s lot, no double expiry', async () => {
    const group = await membersWith('spend', 30, 2027)
    const input = { asOf: sh('2029-01-01 00:05:00'), cursor: null, store }
    const walk = async () => {
      let r = await pointsExpiryChunk(app.deps, input, 5)
      while (!r.done) r = await pointsExpiryChunk(app.deps, { ...input, cursor: r.cursor }, 5)
    }
    const spends = group.map((m) => movePoints(app.db, m, 'redeem', -5, sh('2029-01-01 00:05:01')))
    await Promise.all([walk(), ...spends, walk()])
    await expiredOnce(group)
    for (const m of group) expect(await balanceOf(app.db, m.id)).toBe(15)
  })
})
