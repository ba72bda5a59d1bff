/**
 * npm run bench: how fast the till's "record a purchase" goes through the real code (dispatch → use case →
 * PostgreSQL, pool of 20), next to a raw baseline on the same server (pgbench tpcb-like, or a raw-SQL loop if
 * pgbench is missing). Own scratch databases, dropped at the end. No assertions: numbers only.
 *
 * Env: DATABASE_URL (default postgres://root@127.0.0.1:5432/postgres), BENCH_PURCHASES (2000), BENCH_SECONDS (10).
 */
import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { Pool } from 'pg'
import { DEMO_OPENIDS, dispatch, loadConfig, openDatabase, seedDemoData, type AppDeps } from '../src/cloud/app'
import { findLedgerMismatches } from '../src/cloud/db'
import { createDatabase, databaseUrlFor, dropDatabase, uniqueDatabaseName } from '../tests/helpers/pg-admin'

const BASE_URL = process.env.DATABASE_URL || 'postgres://root@127.0.0.1:5432/postgres'
const PURCHASES = Math.min(Number(process.env.BENCH_PURCHASES ?? 2000), 20_000)
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 10), 60)
const CONCURRENCY = 20

interface Row {
  workload: string
  ops: number
  perS: number
  p50Ms: number | null
  p99Ms: number | null
  note: string
}

async function main(): Promise<void> {
  const rows: Row[] = []
  rows.push(await benchApp())
  rows.push(await benchBaseline())
  printTable(rows)
}

/** Purchases through dispatch, 20 in flight, spread over the seeded members (some receipts repeat on purpose). */
async function benchApp(): Promise<Row> {
  const name = uniqueDatabaseName('mc_bench')
  await createDatabase(BASE_URL, name)
  const opened = await openDatabase({ url: databaseUrlFor(BASE_URL, name), poolMax: CONCURRENCY })
  try {
    const config = loadConfig()
    await seedDemoData(opened.db, new Date(), config)
    const deps: AppDeps = { db: opened.db, config }
    const openids = [DEMO_OPENIDS.member, ...Array.from({ length: 50 }, (_, i) => `seed-member-${i + 1}`)]
    const codes: string[] = []
    for (const openid of openids) {
      const result = await dispatch('getMemberCode', {}, { openid }, deps)
      if (!result.ok) throw new Error(`getMemberCode failed: ${result.error.code}`)
      codes.push((result.data as { code: string }).code)
    }

    const latenciesMs: number[] = []
    let next = 0
    let failures = 0
    const deadline = performance.now() + 60_000
    const started = performance.now()
    const cpuBefore = process.cpuUsage()
    const worker = async () => {
      while (next < PURCHASES && performance.now() < deadline) {
        const i = next++
        // Every 10th call repeats the previous receipt (same member, same amount): the idempotent path is part of
        // real traffic (a clerk pressing twice).
        const n = i % 10 === 9 ? i - 1 : i
        const t0 = performance.now()
        const result = await dispatch(
          'staffRecordPurchase',
          { memberCode: codes[n % codes.length], receiptNo: `BENCH-${n}`, amountFen: 1_000 + ((n * 7_919) % 50_000) },
          { openid: DEMO_OPENIDS.clerk },
          deps,
        )
        latenciesMs.push(performance.now() - t0)
        if (!result.ok) failures++
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    const elapsedS = (performance.now() - started) / 1000
    const cpu = process.cpuUsage(cpuBefore)
    const nodeCpuMsPerCall = (cpu.user + cpu.system) / 1000 / Math.max(1, latenciesMs.length)
    const mismatches = await findLedgerMismatches(opened.db)
    return {
      workload: `staffRecordPurchase via dispatch (pool ${CONCURRENCY})`,
      ops: latenciesMs.length,
      perS: latenciesMs.length / elapsedS,
      p50Ms: percentile(latenciesMs, 50),
      p99Ms: percentile(latenciesMs, 99),
      note: `${failures} failed, balance==ledger ${mismatches.length === 0 ? 'yes' : `NO (${mismatches.length})`}, node CPU ${nodeCpuMsPerCall.toFixed(2)} ms/call`,
    }
  } finally {
    await opened.close()
    await dropDatabase(BASE_URL, name)
  }
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
    'ops/s': fmt(r.perS, 0),
    'p50 ms': fmt(r.p50Ms),
    'p99 ms': fmt(r.p99Ms),
    'vs baseline': `${((r.perS / baseline) * 100).toFixed(0)}%`,
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
  console.error('bench failed:', error)
  process.exit(1)
})
