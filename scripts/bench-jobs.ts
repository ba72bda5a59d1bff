/**
 * npm run bench:jobs -- --members 1000000: how long the daily birthdayGifts job takes on PostgreSQL for a store
 * of that many members (and for 100,000 first, to see the growth is linear). Each size gets its own scratch
 * database (created, migrated, seeded set-based with birth months spread over the year, dropped at the end);
 * the job then runs for the current month through the real code (runJob → chunks → one transaction each), with
 * a birthday coupon template and birthday points, so every gift is a gift row, a coupon, a ledger entry, a
 * balance update and a notification. Numbers only, no assertions; the goal is ≤ 30 s for 1,000,000 members.
 *
 * Env: DATABASE_URL (default postgres://root@127.0.0.1:5432/postgres); BENCH_KEEP=1 keeps the databases (to EXPLAIN).
 */
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { loadConfig, openDatabase, seedDemoData, type AppDeps } from '../src/cloud/app'
import { executeRows } from '../src/cloud/db/db'
import { describeError } from '../src/cloud/db/loggable-error'
import { BIRTHDAY_CHUNK, birthdayGiftsJob } from '../src/cloud/jobs/birthday-gifts'
import { runJob } from '../src/cloud/jobs/run-job'
import { createDatabase, databaseUrlFor, dropDatabase, uniqueDatabaseName } from '../tests/helpers/pg-admin'

const BASE_URL = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/postgres'

function membersArg(): number {
  const at = process.argv.indexOf('--members')
  const n = at >= 0 ? Number(process.argv[at + 1]) : 1_000_000
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new Error('--members must be an integer from 1 to 10,000,000')
  return n
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

async function main(): Promise<void> {
  const target = membersArg()
  const sizes = [...new Set([Math.min(100_000, target), target])]
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

main().catch((error: unknown) => {
  console.error('bench:jobs failed:', describeError(error))
  process.exit(1)
})
