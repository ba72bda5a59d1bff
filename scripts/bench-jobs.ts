/**
 * npm run bench:jobs -- --members 1000000: how long the daily birthdayGifts job takes on PostgreSQL for a store
 * of that many members (and for 100,000 first, to see the growth is linear). Each size gets its own scratch
 * database (created, migrated, seeded set-based with birth months spread over the year, dropped at the end);
 * the job then runs for the current month through the real code (runJob → chunks → one transaction each), with
 * a birthday coupon template and birthday points, so every gift is a gift row, a coupon, a ledger entry, a
 * balance update and a notification. Numbers only, no assertions; the goal is ≤ 30 s for 1,000,000 members.
 *
 * `--job pointsExpiry`: the year-end 积分清零 job instead, at 2027-01-01 00:05 Shanghai, every member holding a
 * 2025 lot (due) and a 2026 lot (not due), seeded set-based through the ledger (its trigger makes the lots); each
 * member gets one 'expire' entry. Goal ≤ 60 s for 1,000,000 members.
 *
 * Env: DATABASE_URL (default postgres://root@127.0.0.1:5432/postgres); BENCH_KEEP=1 keeps the databases (to EXPLAIN).
 */
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { loadConfig, openDatabase, seedDemoData, type AppDeps } from '../src/cloud/app'
import { executeRows } from '../src/cloud/db/db'
import { describeError } from '../src/cloud/db/loggable-error'
import { BIRTHDAY_CHUNK, birthdayGiftsJob } from '../src/cloud/jobs/birthday-gifts'
import { POINTS_EXPIRY_CHUNK, pointsExpiryJob } from '../src/cloud/jobs/points-expiry'
import { runJob } from '../src/cloud/jobs/run-job'
import { createDatabase, databaseUrlFor, dropDatabase, uniqueDatabaseName } from '../tests/helpers/pg-admin'

const BASE_URL = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/postgres'

function membersArg(): number {
  const at = process.argv.indexOf('--members')
  const n = at >= 0 ? Number(process.argv[at + 1]) : 1_000_000
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new Error('--members must be an integer from 1 to 10,000,000')
  return n
}

function jobArg(): 'birthdayGifts' | 'pointsExpiry' {
  const at = process.argv.indexOf('--job')
  const job = at >= 0 ? process.argv[at + 1] : 'birthdayGifts'
  if (job !== 'birthdayGifts' && job !== 'pointsExpiry') throw new Error('--job must be birthdayGifts or pointsExpiry')
  return job
}

interface Result {
  members: number
  seedS: number
  jobS: number
  gifted: number
  rows: Record<string, number>
}

async function measure(size: number): Promise<Result> {
  const name = uniqueDatabaseName('bench_jobs')
  await createDatabase(BASE_URL, name)
  const opened = await openDatabase({ url: databaseUrlFor(BASE_URL, name), poolMax: 4 })
  try {
    const config = loadConfig()
    const now = new Date()
    await seedDemoData(opened.db, now, config)
    const seedStart = performance.now()
    await opened.db.execute(sql`update stores set birthday_points = 20`)
    await opened.db.execute(sql`
      insert into coupon_templates (store_id, name, kind, threshold_fen, amount_off_fen, validity_kind, valid_days, channel, create_request_id)
      select id, '生日满100减20', 'amount_off', 10000, 2000, 'days', 30, 'birthday', 'bench-birthday' from stores`)
    await opened.db.execute(sql`
      insert into coupon_templates (store_id, name, kind, gift_name, validity_kind, valid_days, channel, birthday_tier_code, create_request_id)
      select id, '金卡生日蛋糕', 'gift', '生日蛋糕', 'days', 30, 'birthday', 'gold', 'bench-birthday-gold' from stores`)
    // Set-based: one statement per million. Birth months spread evenly; a tenth gold; a birthday set long ago.
    await opened.db.execute(sql`
      insert into members (store_id, openid, nickname, phone_enc, birthday_enc, birth_month, birthday_set_at, tier_code, opened_at)
      select s.id, 'bench-' || i, '会员' || i, 'bench-not-a-ciphertext', 'bench-not-a-ciphertext', 1 + (i % 12),
        ${now.toISOString()}::timestamptz - interval '400 days', case when i % 10 = 0 then 'gold' else 'normal' end,
        ${now.toISOString()}::timestamptz - interval '400 days'
      from stores s cross join generate_series(1, ${size}) as i`)
    await opened.db.execute(sql`analyze`)
    const seedS = (performance.now() - seedStart) / 1000

    const deps: AppDeps = { db: opened.db, config, now: () => new Date() }
    const jobStart = performance.now()
    const summary = await runJob(deps, birthdayGiftsJob, now)
    const jobS = (performance.now() - jobStart) / 1000
    if (summary.status !== 'done') throw new Error(`birthdayGifts ended ${summary.status}: ${summary.error}`)
    const [rows] = await executeRows<Record<string, string>>(
      opened.db.execute(sql`
        select (select count(*) from birthday_gifts) as birthday_gifts, (select count(*) from member_coupons) as member_coupons,
          (select count(*) from points_ledger where reason = 'birthday') as ledger_entries,
          (select count(*) from notifications where kind = 'birthday_gift') as notifications`),
    )
    return { members: size, seedS, jobS, gifted: summary.counts.gifted ?? 0, rows: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, Number(v)])) }
  } finally {
    await opened.close()
    if (process.env.BENCH_KEEP === '1') console.log(`kept database ${name} (BENCH_KEEP=1): drop it when done`)
    else await dropDatabase(BASE_URL, name)
  }
}

/** The year-end job over `size` members, each with a due 2025 lot of 100 and an open 2026 lot of 50. */
async function measureExpiry(size: number): Promise<Result> {
  const name = uniqueDatabaseName('bench_expiry')
  await createDatabase(BASE_URL, name)
  const opened = await openDatabase({ url: databaseUrlFor(BASE_URL, name), poolMax: 4 })
  try {
    const config = loadConfig()
    const now = new Date('2027-01-01T00:05:00+08:00')
    await seedDemoData(opened.db, new Date('2025-03-01T10:00:00+08:00'), config)
    const seedStart = performance.now()
    await opened.db.execute(sql`
      insert into members (store_id, openid, nickname, phone_enc, tier_code, opened_at, points_balance)
      select s.id, 'bench-' || i, '会员' || i, 'bench-not-a-ciphertext', 'normal', '2025-01-01T00:00:00+08:00', 150
      from stores s cross join generate_series(1, ${size}) as i`)
    // Set-based through the ledger: its trigger makes the lots (one statement per year).
    for (const [year, points, expires] of [
      [2025, 100, '2027-01-01T00:00:00+08:00'],
      [2026, 50, '2028-01-01T00:00:00+08:00'],
    ] as const) {
      await opened.db.execute(sql`
        insert into points_ledger (store_id, member_id, reason, delta, request_id, note, expires_at, created_at)
        select store_id, id, 'earn', ${points}, 'bench-${sql.raw(String(year))}-' || id, null, ${expires}::timestamptz,
          ${`${year}-06-01T12:00:00+08:00`}::timestamptz
        from members where openid like 'bench-%'`)
    }
    await opened.db.execute(sql`analyze`)
    const seedS = (performance.now() - seedStart) / 1000

    const deps: AppDeps = { db: opened.db, config, now: () => now }
    const jobStart = performance.now()
    const summary = await runJob(deps, pointsExpiryJob, now)
    const jobS = (performance.now() - jobStart) / 1000
    if (summary.status !== 'done') throw new Error(`pointsExpiry ended ${summary.status}: ${summary.error}`)
    const [rows] = await executeRows<Record<string, string>>(
      opened.db.execute(sql`
        select (select count(*) from points_ledger where reason = 'expire') as expire_entries,
          (select count(*) from points_lots where remaining > 0) as open_lots,
          (select count(*) from members where points_balance <> 50 and openid like 'bench-%') as wrong_balances`),
    )
    return { members: size, seedS, jobS, gifted: summary.counts.expired ?? 0, rows: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, Number(v)])) }
  } finally {
    await opened.close()
    if (process.env.BENCH_KEEP === '1') console.log(`kept database ${name} (BENCH_KEEP=1): drop it when done`)
    else await dropDatabase(BASE_URL, name)
  }
}

async function main(): Promise<void> {
  const target = membersArg()
  const sizes = [...new Set([Math.min(100_000, target), target])]
  if (jobArg() === 'pointsExpiry') return mainExpiry(sizes)
  console.log(`birthdayGifts job on PostgreSQL (${new URL(BASE_URL).host}), current month, chunks of ${BIRTHDAY_CHUNK} members`)
  const results: Result[] = []
  for (const size of sizes) {
    const r = await measure(size)
    results.push(r)
    console.log(
      `${String(r.members).padStart(9)} members: job ${r.jobS.toFixed(2)} s for ${r.gifted} gifts ` +
        `(${((r.jobS / Math.max(r.gifted, 1)) * 1000).toFixed(3)} ms/gift; seed ${r.seedS.toFixed(1)} s) rows ${JSON.stringify(r.rows)}`,
    )
  }
  if (results.length === 2) {
    const [small, big] = results
    console.log(`growth: ${(big.members / small.members).toFixed(1)}× members → ${(big.jobS / small.jobS).toFixed(1)}× job time (linear ≈ equal)`)
  }
  const last = results[results.length - 1]
  console.log(`goal ≤ 30 s for 1,000,000 members: ${last.members >= 1_000_000 ? (last.jobS <= 30 ? 'met' : 'NOT met') : 'not measured at 1,000,000'}`)
}

async function mainExpiry(sizes: number[]): Promise<void> {
  console.log(`pointsExpiry job on PostgreSQL (${new URL(BASE_URL).host}), 2027-01-01 00:05 Shanghai, chunks of ${POINTS_EXPIRY_CHUNK} members`)
  const results: Result[] = []
  for (const size of sizes) {
    const r = await measureExpiry(size)
    results.push(r)
    console.log(
      `${String(r.members).padStart(9)} members: job ${r.jobS.toFixed(2)} s for ${r.gifted} members expired ` +
        `(${((r.jobS / Math.max(r.gifted, 1)) * 1000).toFixed(3)} ms/member; seed ${r.seedS.toFixed(1)} s) rows ${JSON.stringify(r.rows)}`,
    )
  }
  if (results.length === 2) {
    const [small, big] = results
    console.log(`growth: ${(big.members / small.members).toFixed(1)}× members → ${(big.jobS / small.jobS).toFixed(1)}× job time (linear ≈ equal)`)
  }
  const last = results[results.length - 1]
  console.log(`goal ≤ 60 s for 1,000,000 members: ${last.members >= 1_000_000 ? (last.jobS <= 60 ? 'met' : 'NOT met') : 'not measured at 1,000,000'}`)
}

main().catch((error: unknown) => {
  console.error('bench:jobs failed:', describeError(error))
  process.exit(1)
})
