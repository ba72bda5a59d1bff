import { sql } from 'drizzle-orm'
import { Client } from 'pg'
import { findLedgerMismatches, openDatabase } from '../../src/cloud/db'
import { startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process'
import { createDatabase, databaseUrlFor, dropDatabase, TEMPLATE_ENV, uniqueDatabaseName } from '../helpers/pg-admin'
import { requirePostgres } from '../helpers/test-db'

// The gateway process itself (as npm start runs it, on a PostgreSQL test database), while its pool connections are
// killed under load: an unhandled 'error' event would end the process, which no in-process test can show as plainly.
let baseUrl: string
let dbName: string
let dbUrl: string
let gateway: GatewayProcess | undefined
let admin: Client

beforeAll(async () => {
  baseUrl = requirePostgres()
  dbName = uniqueDatabaseName('mc_fault_gw')
  await createDatabase(baseUrl, dbName, process.env[TEMPLATE_ENV])
  dbUrl = databaseUrlFor(baseUrl, dbName)
  admin = new Client({ connectionString: baseUrl })
  await admin.connect()
}, 60_000)
afterAll(async () => {
  gateway?.dispose()
  await admin?.end()
  if (dbName) await dropDatabase(baseUrl, dbName)
})

async function post(name: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(`${gateway!.base}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).catch((error) => {
    const died = gateway!.child.exitCode !== null || gateway!.child.signalCode !== null
    throw died ? new Error(`the gateway process died:\n${gateway!.output().slice(-1500)}`) : error
  })
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`)
  return res.json()
}

async function terminateGatewayConnections(): Promise<number> {
  const { rows } = await admin.query(
    'select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()) t',
    [dbName],
  )
  return rows[0].n
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

it('keeps the gateway process alive when PostgreSQL kills its connections mid-call; nothing acknowledged is lost', async () => {
  gateway = await startGatewayProcess({ databaseUrl: dbUrl })
  const clerk = (await post('devLogin', { as: 'clerk' })).data.token
  const member = (await post('devLogin', { as: 'member' })).data.token
  const code = (await post('getMemberCode', {}, member)).data.code as string

  const outcomes = new Map<string, string>()
  let next = 0
  let loadDone = false
  const worker = async () => {
    while (next < 150) {
      const receiptNo = `GW-${++next}`
      const result = await post('staffRecordPurchase', { memberCode: code, receiptNo, amountFen: 1_200 }, clerk)
      outcomes.set(receiptNo, result.ok ? 'ok' : result.error.code)
    }
  }
  const killer = async () => {
    let killed = 0
    for (let round = 0; round < 8 && !loadDone; round++) {
      await sleep(60 + round * 11)
      killed += await terminateGatewayConnections()
    }
    return killed
  }
  const load = Promise.all(Array.from({ length: 16 }, worker)).finally(() => (loadDone = true))
  const [killed] = await Promise.all([killer(), load])

  expect(killed).toBeGreaterThan(0)
  expect(gateway.child.exitCode).toBeNull()
  expect(gateway.output()).not.toMatch(/Unhandled 'error' event/)
  const codes = [...outcomes.values()]
  expect(codes.filter((c) => c !== 'ok' && c !== 'INTERNAL')).toEqual([])
  expect(codes.filter((c) => c === 'INTERNAL').length).toBeGreaterThan(0)

  // Later calls succeed on fresh connections.
  for (let i = 1; i <= 5; i++) {
    expect(await post('staffRecordPurchase', { memberCode: code, receiptNo: `GW-AFTER-${i}`, amountFen: 800 }, clerk)).toMatchObject({ ok: true })
  }
  expect(gateway.child.exitCode).toBeNull()

  // Every purchase answered ok is stored; balances equal the ledger.
  const check = await openDatabase({ url: dbUrl, poolMax: 1 })
  try {
    const stored = new Set(
      ((await check.db.execute(sql`select receipt_no from purchases`)) as unknown as { rows: { receipt_no: string }[] }).rows.map((r) => r.receipt_no),
    )
    const acknowledged = [...outcomes].filter(([, c]) => c === 'ok').map(([r]) => r)
    expect(acknowledged.length).toBeGreaterThan(0)
    expect(acknowledged.filter((r) => !stored.has(r))).toEqual([])
    expect(await findLedgerMismatches(check.db)).toEqual([])
  } finally {
    await check.close()
  }

  gateway.child.kill('SIGTERM')
  expect((await gateway.exited).code).toBe(0)
}, 120_000)
