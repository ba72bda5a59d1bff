/**
 * npm run bench: how fast the money-like operations go through the real code (dispatch → use case → PostgreSQL,
 * pool of 20), next to a raw baseline on the same server (pgbench tpcb-like, or a raw-SQL loop if pgbench is
 * missing). Own scratch databases, dropped at the end. No assertions: numbers only. The machine is usually
 * shared, so read the "% of pgbench" column (both measured in this run), not the absolute rates.
 *
 * Per workload it prints: calls/s, p50/p99 latency, database round trips per call (every query a pg client
 * sends, BEGIN/COMMIT included), Node CPU per call (process.cpuUsage() around the timed section / calls), and
 * the share of pgbench's transactions/s. A new money-like operation adds a row to WORKLOADS.
 *
 * Env: DATABASE_URL (default postgres://root@127.0.0.1:5432/postgres), BENCH_PURCHASES (2000 calls per
 * workload), BENCH_SECONDS (10, pgbench), BENCH_ONLY (run the workloads whose name contains it), BENCH_COUPON_TEMPLATES
 * (1: every coupon of one campaign, whose template row each use updates; more spreads them), BENCH_PROFILE=<file.cpuprofile> (a CPU profile of the timed sections
 * only, for chrome://inspect or speedscope).
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { Client, Pool } from 'pg'
import { DEMO_OPENIDS, dispatch, loadConfig, openDatabase, seedDemoData, type AppDeps } from '../src/cloud/app'
import type { ApiResult } from '../src/contract'
import { findLedgerMismatches } from '../src/cloud/db'
import { createDatabase, databaseUrlFor, dropDatabase, uniqueDatabaseName } from '../tests/helpers/pg-admin'
import { describeError } from '../src/cloud/db/loggable-error'
import { issueManyCoupons } from '../tests/helpers/coupon-fixtures'
import { insertMallItem } from '../tests/helpers/mall-fixtures'
import { insertEvent } from '../tests/helpers/event-fixtures'
import { postPointsToMany } from '../src/cloud/db/repositories/points-ledger'
import { members } from '../src/cloud/db/schema'

const BASE_URL = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/postgres'
const CALLS = Math.min(Number(process.env.BENCH_PURCHASES ?? 2000), 20_000)
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 10), 60)
const PROFILE = process.env.BENCH_PROFILE
const CONCURRENCY = 20
/** Only the workloads whose name contains this (pgbench always runs). */
const ONLY = process.env.BENCH_ONLY
/** The coupon row's campaigns: 1 (default) puts every coupon on one template, whose used_count row they all update. */
const COUPON_TEMPLATES = Math.max(1, Math.min(Number(process.env.BENCH_COUPON_TEMPLATES ?? 1), 1000))

interface Row {
  workload: string
  ops: number
  perS: number
  p50Ms: number | null
  p99Ms: number | null
  roundTrips: number | null
  cpuMs: number | null
  note: string
}

/** What a workload gets: the app, a fresh member code per seeded member, and a staff openid. */
interface BenchSetup {
  deps: AppDeps
  codes: string[]
  /** Till tickets, one per member, issued to the clerk by staffLookupMember (the till's normal flow). */
  tickets: string[]
  /** The seeded members' openids, in the order of `codes` and `tickets`. */
  openids: string[]
  /** Coupons issued by the workload's `prepare`, one per call, with the index of their holder's ticket. */
  coupons: { id: number; holder: number }[]
  /** Points-mall items made by the redemption workload's `prepare`. */
  mallItems: number[]
  /** Events made by the sign-up workload's `prepare`. */
  events: number[]
}

interface Workload {
  name: string
  /** Extra data written before the warm-up (not timed), e.g. one coupon per call. */
  prepare?(setup: BenchSetup, calls: number): Promise<void>
  /** Call number i (0-based); every 10th call of a write repeats the previous one: the idempotent path is real traffic. */
  call(setup: BenchSetup, i: number): Promise<ApiResult<unknown>>
}

const amountOf = (n: number) => 1_000 + ((n * 7_919) % 50_000)
const repeatEvery10th = (i: number) => (i % 10 === 9 ? i - 1 : i)

/** One row each; a later money-like operation adds its own here. */
const WORKLOADS: Workload[] = [
  {
    name: 'staffRecordPurchase by member code',
    call: ({ deps, codes }, i) => {
      const n = repeatEvery10th(i)
      return dispatch(
        'staffRecordPurchase',
        { memberCode: codes[n % codes.length], receiptNo: `CODE-${n}`, amountFen: amountOf(n) },
        { openid: DEMO_OPENIDS.clerk },
        deps,
      )
    },
  },
  {
    name: 'staffRecordPurchase by till ticket',
    call: ({ deps, tickets }, i) => {
      const n = repeatEvery10th(i)
      return dispatch(
        'staffRecordPurchase',
        { ticket: tickets[n % tickets.length], receiptNo: `TICKET-${n}`, amountFen: amountOf(n) },
        { openid: DEMO_OPENIDS.clerk },
        deps,
      )
    },
  },
  {
    // The coupon is verified in the purchase's transaction (one more statement: the guarded update, the
    // verification row, used_count and its audit entry); every 10th call repeats the previous receipt and coupon.
    name: 'staffRecordPurchase with a coupon verified',
    prepare: async (setup, calls) => {
      const issued = await issueManyCoupons(setup.deps.db, calls, new Date(), COUPON_TEMPLATES)
      // Statistics, as a database in service has them (autovacuum has not seen the bulk insert yet).
      await setup.deps.db.execute(sql.raw('analyze member_coupons, coupon_templates, coupon_verifications'))
      setup.coupons = issued.map((c) => ({ id: c.id, holder: setup.openids.indexOf(c.openid) }))
      if (setup.coupons.some((c) => c.holder < 0)) throw new Error('bench: a coupon for a member without a ticket')
    },
    call: ({ deps, tickets, coupons }, i) => {
      const n = repeatEvery10th(i)
      const coupon = coupons[n % coupons.length]
      return dispatch(
        'staffRecordPurchase',
        { ticket: tickets[coupon.holder], couponId: String(coupon.id), receiptNo: `COUPON-${n}`, amountFen: amountOf(n) },
        { openid: DEMO_OPENIDS.clerk },
        deps,
      )
    },
  },
  {
    // A points-mall redemption (member lock, quota upsert, guarded stock take, 'redeem' debit with its lots, the
    // held gift with its pick-up code): the seeded members spread over a few items with ample stock, so the
    // item rows are shared hot rows as in a real campaign; every 10th call repeats the previous tap.
    name: 'redeemMallItem (51 members, 4 items)',
    prepare: async (setup, calls) => {
      const db = setup.deps.db
      for (let k = 0; k < 4; k++) setup.mallItems.push((await insertMallItem(db, { name: `压测礼品${k + 1}`, pointsPrice: 10, stockTotal: 1_000_000 })).id)
      const rows = await db.select({ id: members.id, storeId: members.storeId }).from(members)
      await db.transaction((tx) =>
        postPointsToMany(tx, {
          storeId: rows[0].storeId,
          reason: 'adjust',
          delta: 10 * calls,
          entries: rows.map((r) => ({ memberId: r.id, requestId: `bench-fund-${r.id}` })),
          note: null,
          expiresAt: null,
          createdAt: new Date(),
        }),
      )
    },
    call: ({ deps, openids, mallItems }, i) => {
      const n = repeatEvery10th(i)
      return dispatch(
        'redeemMallItem',
        { itemId: String(mallItems[n % mallItems.length]), quantity: 1, requestId: `bench-redeem-${n}` },
        { openid: openids[n % openids.length] },
        deps,
      )
    },
  },
  {
    // Event sign-ups: one member per call (bench members with points), spread over 4 events, two of which fill
    // (capacity 100) so most of their sign-ups take the waitlist; the two paid events charge 10 points with the
    // seat. Every sign-up of an event passes through that event's row (seat or waitlist place, in arrival order),
    // so an event is a hot row as in a real campaign; every 10th call repeats the previous tap.
    name: 'signUpForEvent (4 events, 2 fill up)',
    prepare: async (setup, calls) => {
      const db = setup.deps.db
      await db.execute(sql`
        insert into members (store_id, openid, nickname, phone_enc, tier_code, opened_at)
        select s.id, 'bench-signup-' || i, '会员' || i, 'bench-not-a-ciphertext', 'normal', now() - interval '30 days'
        from stores s cross join generate_series(0, ${calls - 1}) as i`)
      await db.execute(sql`
        insert into points_ledger (store_id, member_id, reason, delta, request_id, note, expires_at, created_at)
        select store_id, id, 'adjust', 100, 'bench-signup-fund-' || id, null, null, now() - interval '1 day'
        from members where openid like 'bench-signup-%'`)
      await db.execute(sql`update members set points_balance = 100 where openid like 'bench-signup-%'`)
      const start = new Date(Date.now() + 7 * 24 * 3600_000)
      for (const [capacity, pointsCost] of [[100, 10], [100, 0], [5_000, 10], [5_000, 0]] as const) {
        setup.events.push((await insertEvent(db, new Date(), { title: `压测活动${setup.events.length + 1}`, capacity, pointsCost, startsAt: start })).id)
      }
      await db.execute(sql.raw('analyze members, points_ledger, points_lots, events'))
    },
    call: ({ deps, events }, i) => {
      const n = repeatEvery10th(i)
      return dispatch('signUpForEvent', { eventId: String(events[n % events.length]), requestId: `bench-signup-${n}` }, { openid: `bench-signup-${n}` }, deps)
    },
  },
  {
    name: 'staffLookupMember',
    call: ({ deps, codes }, i) => dispatch('staffLookupMember', { memberCode: codes[i % codes.length] }, { openid: DEMO_OPENIDS.clerk }, deps),
  },
]

async function main(): Promise<void> {
  const profiler = PROFILE ? new Session() : null
  if (profiler) {
    profiler.connect()
    await profiler.post('Profiler.enable')
  }
  const rows: Row[] = []
  for (const workload of WORKLOADS.filter((w) => !ONLY || w.name.includes(ONLY))) rows.push(await benchApp(workload, profiler))
  if (profiler && PROFILE) {
    writeFileSync(PROFILE, JSON.stringify(mergeProfiles(profiles)))
    console.error(`CPU profile of the timed sections: ${PROFILE}`)
  }
  rows.push(await benchBaseline())
  printTable(rows)
  if (!ONLY || 'publishEvent'.includes(ONLY)) console.log(await benchPublishFanout(PUBLISH_AUDIENCE))
}

const PUBLISH_AUDIENCE = Math.min(Number(process.env.BENCH_PUBLISH_MEMBERS ?? 100_000), 1_000_000)

/**
 * Publishing an event with a notice to every member: the manager's one call writes the event's status and one
 * outbox row per member in the same transaction (set-based, one statement). Half the members hold a consent for
 * the new-event template, so both WeChat statuses (pending, skipped) are written. Printed, not compared.
 */
async function benchPublishFanout(audience: number): Promise<string> {
  const name = uniqueDatabaseName('mc_bench_publish')
  await createDatabase(BASE_URL, name)
  const opened = await openDatabase({ url: databaseUrlFor(BASE_URL, name), poolMax: 2 })
  try {
    const config = loadConfig()
    await seedDemoData(opened.db, new Date(), config)
    const db = opened.db
    await db.execute(sql`
      insert into members (store_id, openid, nickname, phone_enc, tier_code, opened_at)
      select s.id, 'bench-publish-' || i, '会员' || i, 'bench-not-a-ciphertext', 'normal', now() - interval '30 days'
      from stores s cross join generate_series(1, ${audience}) as i`)
    await db.execute(sql`
      insert into notification_templates (store_id, kind, template_id, fields, page)
      select id, 'event_published', 'bench-event-published', '{"thing1":"event","time2":"time","thing3":"place"}'::jsonb, null from stores
      on conflict (store_id, kind) do nothing`)
    await db.execute(sql`
      insert into subscription_consents (store_id, member_id, template_id, count)
      select m.store_id, m.id, t.template_id, 1 from members m
      join notification_templates t on t.store_id = m.store_id and t.kind = 'event_published'
      where m.openid like 'bench-publish-%' and m.id % 2 = 0`)
    await db.execute(sql.raw('analyze'))
    const event = await insertEvent(db, new Date(), { status: 'draft', publishedAt: null, title: '压测发布活动' })
    const deps: AppDeps = { db, config }
    const t0 = performance.now()
    const out = await expectOk<{ queued: number }>(dispatch('publishEvent', { eventId: String(event.id), notify: true }, { openid: DEMO_OPENIDS.manager }, deps))
    const seconds = (performance.now() - t0) / 1000
    return `publishEvent with a notice to ${audience.toLocaleString('en')} members: ${seconds.toFixed(2)} s, ${out.queued.toLocaleString('en')} notifications queued in its transaction`
  } finally {
    await opened.close()
    await dropDatabase(BASE_URL, name)
  }
}

/** Every query any pg client sends (pool clients included), counted while `counting` is on. */
let counting = false
let queriesSent = 0
const originalQuery = Client.prototype.query
Client.prototype.query = function countedQuery(this: Client, ...args: unknown[]) {
  if (counting) queriesSent++
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args)
} as typeof Client.prototype.query

const profiles: unknown[] = []

/** `CALLS` calls of one workload through dispatch, 20 in flight, spread over the seeded members. */
async function benchApp(workload: Workload, profiler: Session | null): Promise<Row> {
  const name = uniqueDatabaseName('mc_bench')
  await createDatabase(BASE_URL, name)
  const opened = await openDatabase({ url: databaseUrlFor(BASE_URL, name), poolMax: CONCURRENCY })
  try {
    const config = loadConfig()
    await seedDemoData(opened.db, new Date(), config)
    const deps: AppDeps = { db: opened.db, config }
    const openids = [DEMO_OPENIDS.member, ...Array.from({ length: 50 }, (_, i) => `seed-member-${i + 1}`)]
    const setup: BenchSetup = { deps, codes: [], tickets: [], openids, coupons: [], mallItems: [], events: [] }
    for (const openid of openids) {
      const code = await expectOk<{ code: string }>(dispatch('getMemberCode', {}, { openid }, deps))
      setup.codes.push(code.code)
      const lookup = await expectOk<{ ticket: string }>(dispatch('staffLookupMember', { memberCode: code.code }, { openid: DEMO_OPENIDS.clerk }, deps))
      setup.tickets.push(lookup.ticket)
    }
    await workload.prepare?.(setup, CALLS + CONCURRENCY)
    // Warm up (JIT, pool connections, prepared statements), as a long-running instance would be.
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => workload.call(setup, CALLS + i)))

    const latenciesMs: number[] = []
    let next = 0
    let failures = 0
    const deadline = performance.now() + 60_000
    if (profiler) await profiler.post('Profiler.start')
    queriesSent = 0
    counting = true
    const started = performance.now()
    const cpuBefore = process.cpuUsage()
    const worker = async () => {
      while (next < CALLS && performance.now() < deadline) {
        const i = next++
        const t0 = performance.now()
        const result = await workload.call(setup, i)
        latenciesMs.push(performance.now() - t0)
        if (!result.ok) failures++
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    const elapsedS = (performance.now() - started) / 1000
    const cpu = process.cpuUsage(cpuBefore)
    counting = false
    if (profiler) profiles.push((await profiler.post('Profiler.stop')).profile)
    const calls = Math.max(1, latenciesMs.length)
    const mismatches = await findLedgerMismatches(opened.db)
    return {
      workload: workload.name,
      ops: latenciesMs.length,
      perS: latenciesMs.length / elapsedS,
      p50Ms: percentile(latenciesMs, 50),
      p99Ms: percentile(latenciesMs, 99),
      roundTrips: queriesSent / calls,
      cpuMs: (cpu.user + cpu.system) / 1000 / calls,
      note: `${failures} failed, balance==ledger ${mismatches.length === 0 ? 'yes' : `NO (${mismatches.length})`}`,
    }
  } finally {
    await opened.close()
    await dropDatabase(BASE_URL, name)
  }
}

async function expectOk<T>(call: Promise<ApiResult<unknown>>): Promise<T> {
  const result = await call
  if (!result.ok) throw new Error(`bench setup failed: ${result.error.code}`)
  return result.data as T
}

/** The timed sections' profiles as one (the first one's nodes, the others' appended with shifted ids). */
function mergeProfiles(list: unknown[]): unknown {
  type Node = { id: number; children?: number[] }
  type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }
  const all = list as Profile[]
  if (all.length === 0) return {}
  const merged: Profile = { nodes: [], startTime: all[0].startTime, endTime: all[0].startTime, samples: [], timeDeltas: [] }
  let offset = 0
  for (const p of all) {
    const maxId = Math.max(...p.nodes.map((n) => n.id))
    merged.nodes.push(...p.nodes.map((n) => ({ ...n, id: n.id + offset, children: n.children?.map((c) => c + offset) })))
    if (offset > 0) merged.nodes[0].children = [...(merged.nodes[0].children ?? []), p.nodes[0].id + offset]
    merged.samples.push(...p.samples.map((s) => s + offset))
    merged.timeDeltas.push(...p.timeDeltas)
    merged.endTime += p.endTime - p.startTime
    offset += maxId
  }
  return merged
}

/** pgbench tpcb-like on its own database; a raw-SQL loop if pgbench cannot run. */
async function benchBaseline(): Promise<Row> {
  const name = uniqueDatabaseName('mc_pgbench')
  await createDatabase(BASE_URL, name)
  try {
    const url = databaseUrlFor(BASE_URL, name)
    const init = spawnSync('pgbench', ['-i', '-s', '10', '-q', url], { encoding: 'utf8', timeout: 120_000 })
    if (init.status === 0) {
      const run = spawnSync('pgbench', ['-b', 'tpcb-like', '-c', String(CONCURRENCY), '-j', '2', '-T', String(SECONDS), url], {
        encoding: 'utf8',
        timeout: (SECONDS + 60) * 1000,
      })
      const tps = /tps = ([\d.]+)/.exec(run.stdout ?? '')
      const latency = /latency average = ([\d.]+) ms/.exec(run.stdout ?? '')
      const txs = /number of transactions actually processed: (\d+)/.exec(run.stdout ?? '')
      if (run.status === 0 && tps) {
        return {
          workload: `pgbench -b tpcb-like -c ${CONCURRENCY} -T ${SECONDS} (scale 10)`,
          ops: txs ? Number(txs[1]) : 0,
          perS: Number(tps[1]),
          p50Ms: null,
          p99Ms: null,
          roundTrips: null,
          cpuMs: null,
          note: latency ? `avg latency ${latency[1]} ms` : '',
        }
      }
      console.error('pgbench run failed, falling back to a raw-SQL loop:', run.stderr || run.error)
    } else {
      console.error('pgbench -i failed, falling back to a raw-SQL loop:', init.stderr || init.error)
    }
    return rawSqlLoop(url)
  } finally {
    await dropDatabase(BASE_URL, name)
  }
}

/** The same shape as a purchase without the app: insert a row and bump a balance in one transaction. */
async function rawSqlLoop(url: string): Promise<Row> {
  const pool = new Pool({ connectionString: url, max: CONCURRENCY })
  try {
    await pool.query('create table acct (id int primary key, balance bigint not null); create table hist (id bigserial primary key, acct int, delta int)')
    await pool.query('insert into acct select g, 0 from generate_series(1, 50) g')
    const latenciesMs: number[] = []
    const deadline = performance.now() + SECONDS * 1000
    let i = 0
    const started = performance.now()
    const worker = async () => {
      while (performance.now() < deadline) {
        const acct = (i++ % 50) + 1
        const t0 = performance.now()
        const client = await pool.connect()
        try {
          await client.query('begin')
          await client.query('insert into hist (acct, delta) values ($1, 10)', [acct])
          await client.query('update acct set balance = balance + 10 where id = $1', [acct])
          await client.query('commit')
        } finally {
          client.release()
        }
        latenciesMs.push(performance.now() - t0)
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    const elapsedS = (performance.now() - started) / 1000
    return {
      workload: `raw SQL insert+update loop (pool ${CONCURRENCY})`,
      ops: latenciesMs.length,
      perS: latenciesMs.length / elapsedS,
      p50Ms: percentile(latenciesMs, 50),
      p99Ms: percentile(latenciesMs, 99),
      roundTrips: 4,
      cpuMs: null,
      note: 'pgbench unavailable',
    }
  } finally {
    await pool.end()
  }
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

function printTable(rows: Row[]): void {
  const baseline = rows[rows.length - 1].perS
  const fmt = (n: number | null, digits = 1) => (n === null ? '-' : n.toFixed(digits))
  const table = rows.map((r) => ({
    workload: r.workload,
    ops: String(r.ops),
    'calls/s': fmt(r.perS, 0),
    'p50 ms': fmt(r.p50Ms),
    'p99 ms': fmt(r.p99Ms),
    'round trips': fmt(r.roundTrips),
    'node CPU ms': fmt(r.cpuMs, 2),
    '% of pgbench': `${((r.perS / baseline) * 100).toFixed(0)}%`,
    note: r.note,
  }))
  const headers = Object.keys(table[0]) as Array<keyof (typeof table)[number]>
  const widths = headers.map((h) => Math.max(h.length, ...table.map((r) => r[h].length)))
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |'
  console.log(line(headers))
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|')
  for (const r of table) console.log(line(headers.map((h) => r[h])))
}

main().catch((error) => {
  console.error('bench failed:', describeError(error))
  process.exit(1)
})
