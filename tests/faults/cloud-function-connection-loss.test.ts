import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { Client } from 'pg'
import { DEMO_OPENIDS, loadConfig, openDatabase, seedDemoData } from '../../src/cloud/app'
import { findLedgerMismatches } from '../../src/cloud/db'
import { createCloudFunction, type WxSdk } from '../../src/cloud/wechat/cloud-function'
import { createDatabase, databaseUrlFor, dropDatabase, TEMPLATE_ENV, uniqueDatabaseName } from '../helpers/pg-admin'
import { requirePostgres } from '../helpers/test-db'

// A cloud-function instance as WeChat runs it: no deps passed in, so it opens its own small pool (DB_POOL_MAX=2)
// from DATABASE_URL on the first call and keeps it. Its connections are killed under load; with two connections,
// one leaked pool slot per failure would stall the instance after the second.
let baseUrl: string
let dbName: string
let admin: Client
let logged: jest.SpyInstance
const savedEnv = { ...process.env }
const sdkAs = (openid: string): WxSdk => ({
  getWXContext: () => ({ OPENID: openid }),
  openapi: { phonenumber: { getPhoneNumber: async () => ({}) } },
})

beforeAll(async () => {
  baseUrl = requirePostgres()
  logged = jest.spyOn(console, 'error').mockImplementation(() => {})
  dbName = uniqueDatabaseName('mc_fault_cf')
  await createDatabase(baseUrl, dbName, process.env[TEMPLATE_ENV])
  Object.assign(process.env, {
    DATABASE_URL: databaseUrlFor(baseUrl, dbName),
    DB_POOL_MAX: '2',
    MEMBER_CODE_SECRET: 'fault-test-member-code-secret',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
  })
  // The store is set up once, as `npm run store -- init` would (here: the demo data, same keys as the functions).
  const setup = await openDatabase({ url: process.env.DATABASE_URL!, poolMax: 1 })
  await seedDemoData(setup.db, new Date(), loadConfig({ ...process.env, NODE_ENV: 'production' }))
  await setup.close()
  admin = new Client({ connectionString: baseUrl })
  await admin.connect()
})
afterAll(async () => {
  await admin?.end()
  if (dbName) await dropDatabase(baseUrl, dbName) // WITH (FORCE): also ends the instance's pooled connections
  await new Promise((resolve) => setTimeout(resolve, 100))
  process.env = savedEnv
  logged.mockRestore()
})

async function terminateInstanceConnections(): Promise<number> {
  const { rows } = await admin.query(
    'select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()) t',
    [dbName],
  )
  return rows[0].n
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: the pool ran dry`)), ms)))
  return Promise.race([work, limit]).finally(() => clearTimeout(timer))
}

it('answers INTERNAL for the calls on a killed connection, keeps its pool usable, and loses nothing it acknowledged', async () => {
  const memberFunction = createCloudFunction('member', { sdk: sdkAs(DEMO_OPENIDS.member) })
  const staffFunction = createCloudFunction('staff', { sdk: sdkAs(DEMO_OPENIDS.clerk) })
  const record = (input: Record<string, unknown>) => staffFunction({ op: 'staffRecordPurchase', input }, {})
  const codeResult = await memberFunction({ op: 'getMemberCode', input: {} }, {})
  expect(codeResult).toMatchObject({ ok: true })
  const code = (codeResult as { data: { code: string } }).data.code

  const outcomes = new Map<string, string>()
  let next = 0
  let loadDone = false
  const worker = async () => {
    while (next < 120) {
      const receiptNo = `CF-${++next}`
      const result = await within(10_000, record({ memberCode: code, receiptNo, amountFen: 900 }))
      outcomes.set(receiptNo, result.ok ? 'ok' : result.error.code)
    }
  }
  const killer = async () => {
    let killed = 0
    for (let round = 0; round < 8 && !loadDone; round++) {
      await sleep(30 + round * 9)
      killed += await terminateInstanceConnections()
    }
    return killed
  }
  const load = Promise.all(Array.from({ length: 6 }, worker)).finally(() => (loadDone = true))
  const [killed] = await Promise.all([killer(), load])

  expect(killed).toBeGreaterThan(0)
  const codes = [...outcomes.values()]
  expect(codes.filter((c) => c !== 'ok' && c !== 'INTERNAL')).toEqual([])
  expect(codes.filter((c) => c === 'INTERNAL').length).toBeGreaterThan(0)

  for (let i = 1; i <= 5; i++) {
    expect(await within(10_000, record({ memberCode: code, receiptNo: `CF-AFTER-${i}`, amountFen: 700 }))).toMatchObject({ ok: true })
  }

  const check = await openDatabase({ url: process.env.DATABASE_URL!, poolMax: 1 })
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
})
