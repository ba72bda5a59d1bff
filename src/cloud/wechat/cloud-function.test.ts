import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { api } from '../../contract'
import { DEMO_OPENIDS, loadConfig, openDatabase, seedDemoData, type AppDeps } from '../app'
import { createCloudFunction, withoutPlatformFields } from './cloud-function'

// WeChat itself cannot run here, so only its identity source is faked; the handlers and database are real.
let database: Awaited<ReturnType<typeof openDatabase>>
let deps: AppDeps

beforeAll(async () => {
  database = await openDatabase({})
  await seedDemoData(database.db, new Date())
  deps = { db: database.db, config: loadConfig({}) }
})
afterAll(() => database.close())

const as = (openid?: string) => ({ getWXContext: () => (openid ? { OPENID: openid } : {}) })

describe('WeChat cloud functions', () => {
  it('has one deployable entry for every API function', () => {
    const folders = readdirSync(join(__dirname, '../functions')).sort()
    expect(folders).toEqual(Object.keys(api).sort())
  })

  it('identifies the caller by the WeChat OPENID, ignoring the userInfo WeChat adds to the event', async () => {
    const main = createCloudFunction('getMyCard', { identity: as(DEMO_OPENIDS.member), deps })
    const result = await main({ userInfo: { appId: 'wx123', openId: 'someone-else' } }, {})
    expect(result.ok).toBe(true)
  })

  it('refuses a call with no OPENID', async () => {
    const main = createCloudFunction('getMyCard', { identity: as(undefined), deps })
    expect(await main({}, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('keeps staff functions for staff', async () => {
    const main = createCloudFunction('staffLookupMember', { identity: as(DEMO_OPENIDS.member), deps })
    expect(await main({ memberCode: '0'.repeat(24) }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('strips only the platform field from events', () => {
    expect(withoutPlatformFields({ userInfo: {}, a: 1 })).toEqual({ a: 1 })
    expect(withoutPlatformFields(null)).toBeNull()
  })
})
