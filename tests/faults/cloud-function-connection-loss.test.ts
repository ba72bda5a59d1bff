import { randomBytes } from 'node:crypto'
import { Client } from 'pg'
import { DEMO_OPENIDS, loadConfig, openDatabase, seedDemoData } from '../../src/cloud/app'
import { createCloudFunction, type WxSdk } from '../../src/cloud/wechat/cloud-function'
import { createDatabase, databaseUrlFor, dropDatabase, TEMPLATE_ENV, uniqueDatabaseName } from '../helpers/pg-admin'
import { requirePostgres } from '../helpers/test-db'
import { expectAcknowledgedStored, expectOnlyInternalFailures, purchasesUnderKills, terminateBackends, within } from './purchases-under-kills'

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

it('answers INTERNAL for the calls on a killed connection, keeps its pool usable, and loses nothing it acknowledged', async () => {
  const memberFunction = createCloudFunction('member', { sdk: sdkAs(DEMO_OPENIDS.member) })
  const staffFunction = createCloudFunction('staff', { sdk: sdkAs(DEMO_OPENIDS.clerk) })
  const record = (input: Record<string, unknown>) => staffFunction({ op: 'staffRecordPurchase', input }, {})
  const codeResult = await memberFunction({ op: 'getMemberCode', input: {} }, {})
  expect(codeResult).toMatchObject({ ok: true })
  const code = (codeResult as { data: { code: string } }).data.code

  const { outcomes, killed } = await purchasesUnderKills({
    record: (receiptNo) => within(10_000, record({ memberCode: code, receiptNo, amountFen: 900 })),
    terminate: () => terminateBackends(admin, dbName),
    total: 120,
    workers: 6,
    receiptPrefix: 'CF-',
    killRounds: 8,
    pauseMs: (round) => 30 + round * 9,
  })
  expectOnlyInternalFailures(outcomes, killed)

  for (let i = 1; i <= 5; i++) {
    expect(await within(10_000, record({ memberCode: code, receiptNo: `CF-AFTER-${i}`, amountFen: 700 }))).toMatchObject({ ok: true })
  }

  await expectAcknowledgedStored(process.env.DATABASE_URL!, outcomes)
})
