import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { api } from '../../contract'
import { DEMO_OPENIDS, seedDemoData, type AppDeps } from '../app'
import { testConfig } from '../../../tests/helpers/test-config'
import { openTestDatabase } from '../../../tests/helpers/test-db'
import { createCloudFunction, withoutPlatformFields, type WxSdk } from './cloud-function'

// WeChat itself cannot run here, so only its identity source is faked; the handlers and database are real.
let database: Awaited<ReturnType<typeof openTestDatabase>>
let deps: AppDeps

beforeAll(async () => {
  // A copy of the run's seeded database (tests/helpers/pg-global-setup.ts).
  database = await openTestDatabase({ seeded: true })
  deps = { db: database.db, config: testConfig() }
  if (!database.seeded) await seedDemoData(database.db, new Date(), deps.config)
})
afterAll(() => database.close())

/** A stand-in for wx-server-sdk: the OPENID WeChat would report, and its phone-number exchange. */
function as(openid?: string, phoneExchange: (code: string) => Promise<object> = async () => ({})): WxSdk {
  return {
    getWXContext: () => (openid ? { OPENID: openid } : {}),
    openapi: { phonenumber: { getPhoneNumber: ({ code }) => phoneExchange(code) } },
  }
}

describe('WeChat cloud functions', () => {
  it('has one deployable entry for every API function', () => {
    const folders = readdirSync(join(__dirname, '../functions')).sort()
    // The notification operations get no per-operation folder: they ship in the grouped member function
    // (the cloud-function grouping replaces these folders; see the report of branch i5-platform).
    const grouped = ['listMyNotifications', 'markNotificationsRead', 'getNotificationSettings', 'recordSubscriptionConsent']
    expect(folders).toEqual(Object.keys(api).filter((name) => !grouped.includes(name)).sort())
  })

  it('identifies the caller by the WeChat OPENID, ignoring the userInfo WeChat adds to the event', async () => {
    const main = createCloudFunction('getMyCard', { sdk: as(DEMO_OPENIDS.member), deps })
    const result = await main({ userInfo: { appId: 'wx123', openId: 'someone-else' } }, {})
    expect(result.ok).toBe(true)
  })

  it('refuses a call with no OPENID', async () => {
    const main = createCloudFunction('getMyCard', { sdk: as(undefined), deps })
    expect(await main({}, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('keeps staff functions for staff', async () => {
    const main = createCloudFunction('staffLookupMember', { sdk: as(DEMO_OPENIDS.member), deps })
    expect(await main({ memberCode: '0'.repeat(24) }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it("opens a card with the number behind WeChat's phone button, exchanged on the server", async () => {
    const exchange = jest.fn(async (code: string) => ({ errCode: 0, phoneInfo: { purePhoneNumber: code === 'one-time-code' ? '13912345678' : '' } }))
    const openCard = createCloudFunction('openCard', { sdk: as('wx-phone-button-user', exchange), deps })
    const result = (await openCard({ nickname: '微信用户', phoneCode: 'one-time-code' }, {})) as { ok: true; data: any }
    expect(result.ok).toBe(true)
    expect(result.data.card.phoneMasked).toBe('139****5678')
    expect(exchange).toHaveBeenCalledWith('one-time-code')
  })

  it('refuses a phone code WeChat does not accept, and writes nothing', async () => {
    const silenced = jest.spyOn(console, 'error').mockImplementation(() => {})
    const openCard = createCloudFunction('openCard', { sdk: as('wx-bad-code-user', async () => Promise.reject(new Error('invalid code'))), deps })
    expect(await openCard({ nickname: '微信用户', phoneCode: 'expired' }, {})).toMatchObject({ ok: false, error: { code: 'PHONE_CODE_INVALID' } })
    silenced.mockRestore()
    const who = createCloudFunction('whoAmI', { sdk: as('wx-bad-code-user'), deps })
    expect(await who({}, {})).toMatchObject({ ok: true, data: { hasCard: false } })
  })

  it('strips only the platform field from events', () => {
    expect(withoutPlatformFields({ userInfo: {}, a: 1 })).toEqual({ a: 1 })
    expect(withoutPlatformFields(null)).toBeNull()
  })
})
