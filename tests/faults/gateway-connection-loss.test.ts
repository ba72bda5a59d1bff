import { Client } from 'pg'
import { startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process'
import { createDatabase, databaseUrlFor, dropDatabase, TEMPLATE_ENV, uniqueDatabaseName } from '../helpers/pg-admin'
import { requirePostgres } from '../helpers/test-db'
import { expectAcknowledgedStored, expectOnlyInternalFailures, purchasesUnderKills, terminateBackends } from './purchases-under-kills'

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

it('keeps the gateway process alive when PostgreSQL kills its connections mid-call; nothing acknowledged is lost', async () => {
  gateway = await startGatewayProcess({ databaseUrl: dbUrl })
  const clerk = (await post('devLogin', { as: 'clerk' })).data.token
  const member = (await post('devLogin', { as: 'member' })).data.token
  const code = (await post('getMemberCode', {}, member)).data.code as string

  const { outcomes, killed } = await purchasesUnderKills({
    record: (receiptNo) => post('staffRecordPurchase', { memberCode: code, receiptNo, amountFen: 1_200 }, clerk),
    terminate: () => terminateBackends(admin, dbName),
    total: 150,
    workers: 16,
    receiptPrefix: 'GW-',
    killRounds: 8,
    pauseMs: (round) => 60 + round * 11,
  })
  expectOnlyInternalFailures(outcomes, killed)
  expect(gateway.child.exitCode).toBeNull()
  expect(gateway.output()).not.toMatch(/Unhandled 'error' event/)

  // Later calls succeed on fresh connections.
  for (let i = 1; i <= 5; i++) {
    expect(await post('staffRecordPurchase', { memberCode: code, receiptNo: `GW-AFTER-${i}`, amountFen: 800 }, clerk)).toMatchObject({ ok: true })
  }
  expect(gateway.child.exitCode).toBeNull()

  // Every purchase answered ok is stored; balances equal the ledger.
  await expectAcknowledgedStored(dbUrl, outcomes)

  gateway.child.kill('SIGTERM')
  expect((await gateway.exited).code).toBe(0)
}, 120_000)
