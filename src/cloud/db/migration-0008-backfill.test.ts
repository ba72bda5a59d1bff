import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'

/**
 * Migration 0008's backfill on a database that lived before lots: 0000–0007 applied to a fresh PGlite, members
 * and their ledger (credits and debits) written as the old code wrote them, then 0008. FIFO means the points
 * still held are the newest credits'; each lot keeps its entry's expiry; Σ remaining = balance.
 */
const DIR = join(__dirname, 'migrations')
const files = readdirSync(DIR).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort()

async function apply(db: PGlite, file: string): Promise<void> {
  for (const statement of readFileSync(join(DIR, file), 'utf8').split('--> statement-breakpoint')) {
    if (statement.trim()) await db.exec(statement)
  }
}

let db: PGlite
beforeAll(async () => {
  db = new PGlite()
  for (const f of files.filter((f) => f < '0008')) await apply(db, f)
}, 60_000)
afterAll(async () => db?.close())

it('turns each member\'s ledger into lots, the newest credits holding the balance', async () => {
  const [store] = (
    await db.query<{ id: number }>(`insert into stores (code, name, timezone, points_per_yuan, growth_per_yuan) values ('s', '店', 'Asia/Shanghai', 1, 1) returning id`)
  ).rows
  const member = async (openid: string, balance: number) =>
    (
      await db.query<{ id: number }>(
        `insert into members (store_id, openid, nickname, phone_enc, tier_code, opened_at, points_balance) values ($1, $2, 'x', 'enc', 'normal', now(), $3) returning id`,
        [store.id, openid, balance],
      )
    ).rows[0].id
  let n = 0
  const entry = (memberId: number, reason: string, delta: number, at: string, expiresAt: string | null) =>
    db.query(
      `insert into points_ledger (store_id, member_id, reason, delta, request_id, expires_at, created_at) values ($1, $2, $3, $4, $5, $6, $7)`,
      [store.id, memberId, reason, delta, `old-${++n}`, expiresAt, at],
    )
  const E2025 = '2026-12-31T16:00:00.000Z'
  const E2026 = '2027-12-31T16:00:00.000Z'
  const spent = await member('spent-oldest', 30)
  await entry(spent, 'earn', 100, '2025-03-01T02:00:00Z', E2025)
  await entry(spent, 'earn', 50, '2026-02-01T02:00:00Z', E2026)
  await entry(spent, 'redeem', -120, '2026-03-01T02:00:00Z', null)
  const partly = await member('partly', 130)
  await entry(partly, 'earn', 100, '2025-03-01T02:00:00Z', E2025)
  await entry(partly, 'birthday', 60, '2025-08-01T02:00:00Z', E2025)
  await entry(partly, 'redeem', -30, '2025-09-01T02:00:00Z', null)
  const never = await member('never', 140)
  await entry(never, 'earn', 100, '2024-03-01T02:00:00Z', null)
  await entry(never, 'adjust', 40, '2025-03-01T02:00:00Z', null)
  const allSpent = await member('all-spent', 0)
  await entry(allSpent, 'earn', 80, '2025-03-01T02:00:00Z', E2025)
  await entry(allSpent, 'redeem', -80, '2025-04-01T02:00:00Z', null)
  const none = await member('none', 0)

  await apply(db, '0008_points_lots_mall.sql')

  const lots = async (memberId: number) =>
    (
      await db.query<{ amount: number; remaining: number; expires_at: Date | null }>(
        `select amount, remaining, expires_at from points_lots where member_id = $1 order by entry_id`,
        [memberId],
      )
    ).rows.map((l) => [l.amount, l.remaining, l.expires_at ? new Date(l.expires_at).toISOString() : null])
  expect(await lots(spent)).toEqual([
    [100, 0, E2025],
    [50, 30, E2026],
  ])
  expect(await lots(partly)).toEqual([
    [100, 70, E2025],
    [60, 60, E2025],
  ])
  expect(await lots(never)).toEqual([
    [100, 100, null],
    [40, 40, null],
  ])
  expect(await lots(allSpent)).toEqual([[80, 0, E2025]])
  expect(await lots(none)).toEqual([])

  const mismatches = await db.query(`
    select m.id from members m
    where m.points_balance <> coalesce((select sum(remaining) from points_lots l where l.member_id = m.id), 0)`)
  expect(mismatches.rows).toEqual([])

  // And the trigger runs from then on: a spend takes the oldest open lot.
  await db.query(`update members set points_balance = points_balance - 20 where id = $1`, [partly])
  await entry(partly, 'redeem', -20, '2026-01-05T02:00:00Z', null)
  expect(await lots(partly)).toEqual([
    [100, 50, E2025],
    [60, 60, E2025],
    // (the redeem is a debit: no lot of its own)
  ])
  // A debit its lots cannot cover is refused by the trigger (expired lots do not count).
  await expect(entry(none, 'redeem', -5, '2026-01-05T02:00:00Z', null)).rejects.toThrow(/needs 5 points from its lots, found 0/)
  await expect(entry(allSpent, 'redeem', -1, '2026-01-05T02:00:00Z', null)).rejects.toThrow(/found 0/)
  await expect(entry(partly, 'redeem', -1, '2027-01-01T00:00:00Z', null)).rejects.toThrow(/found 0/)
})
