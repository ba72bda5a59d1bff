import { DEMO_OPENIDS, seedDemoData, type AppDeps } from '../app'
import { testConfig } from '../../../tests/helpers/test-config'
import { openTestDatabase } from '../../../tests/helpers/test-db'
import { createCloudFunction, groupCall, type WxSdk } from './cloud-function'

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

/** What wx.cloud.callFunction({ name: group, data: { op, input } }) delivers: the data, plus WeChat's userInfo. */
const call = (op: string, input: unknown = {}) => ({ op, input, userInfo: { appId: 'wx123', openId: 'someone-else' } })

describe('WeChat cloud functions (one per group)', () => {
  it("stores a manager's picture in cloud storage through the SDK's uploadFile, keeping and showing its fileID", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    const uploadFile = jest.fn(async ({ cloudPath }: { cloudPath: string }) => ({ fileID: `cloud://env-1.abcd/${cloudPath}` }))
    const consoleFunction = createCloudFunction('console', { sdk: { ...as(DEMO_OPENIDS.manager), uploadFile }, deps })
    const result = (await consoleFunction(call('uploadMallImage', { contentType: 'image/png', dataBase64: png.toString('base64') }), {})) as { ok: true; data: any }
    expect(result).toMatchObject({ ok: true, data: { imageKey: expect.stringMatching(/^cloud:\/\/env-1\.abcd\/mall\/[0-9a-f]{64}\.png$/) } })
    expect(result.data.imageUrl).toBe(result.data.imageKey)
    expect(uploadFile).toHaveBeenCalledWith({ cloudPath: expect.stringMatching(/^mall\//), fileContent: png })
  })

  it('identifies the caller by the WeChat OPENID, ignoring the userInfo WeChat adds to the event', async () => {
    const member = createCloudFunction('member', { sdk: as(DEMO_OPENIDS.member), deps })
    const result = (await member(call('getMyCard'), {})) as { ok: true; data: any }
    expect(result.ok).toBe(true)
    expect(result.data.card.nickname).toBeTruthy()
  })

  it('refuses a call with no OPENID', async () => {
    const member = createCloudFunction('member', { sdk: as(undefined), deps })
    expect(await member(call('getMyCard'), {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it("refuses an operation of another group as UNKNOWN_FUNCTION, before it looks at who calls", async () => {
    const member = createCloudFunction('member', { sdk: as(DEMO_OPENIDS.clerk), deps })
    expect(await member(call('staffLookupMember', { memberCode: '0'.repeat(24) }), {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } })
    const staff = createCloudFunction('staff', { sdk: as(DEMO_OPENIDS.member), deps })
    expect(await staff(call('getMyCard'), {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } })
  })

  it('refuses the old one-function-per-operation shape and names that are no operation', async () => {
    const member = createCloudFunction('member', { sdk: as(DEMO_OPENIDS.member), deps })
    expect(await member({ userInfo: {} }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } })
    expect(await member({ nickname: '小林', phone: '13800138000' }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } })
    for (const op of ['__proto__', 'toString', 'devLogin', '']) {
      expect(await member(call(op), {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FUNCTION' } })
    }
  })

  it('serves a staff operation through the staff group, for staff only', async () => {
    const asMember = createCloudFunction('staff', { sdk: as(DEMO_OPENIDS.member), deps })
    expect(await asMember(call('staffLookupMember', { memberCode: '0'.repeat(24) }), {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const code = (await createCloudFunction('member', { sdk: as(DEMO_OPENIDS.member), deps })(call('getMemberCode'), {})) as { ok: true; data: { code: string } }
    const asClerk = createCloudFunction('staff', { sdk: as(DEMO_OPENIDS.clerk), deps })
    expect(await asClerk(call('staffLookupMember', { memberCode: code.data.code }), {})).toMatchObject({ ok: true, data: { member: { memberNo: code.data.code.slice(0, 8) } } })
  })

  it("opens a card with the number behind WeChat's phone button, exchanged on the server", async () => {
    const exchange = jest.fn(async (code: string) => ({ errCode: 0, phoneInfo: { purePhoneNumber: code === 'one-time-code' ? '13912345678' : '' } }))
    const member = createCloudFunction('member', { sdk: as('wx-phone-button-user', exchange), deps })
    const result = (await member(call('openCard', { nickname: '微信用户', phoneCode: 'one-time-code' }), {})) as { ok: true; data: any }
    expect(result.ok).toBe(true)
    expect(result.data.card.phoneMasked).toBe('139****5678')
    expect(exchange).toHaveBeenCalledWith('one-time-code')
  })

  it('refuses a phone code WeChat does not accept, and writes nothing', async () => {
    const silenced = jest.spyOn(console, 'error').mockImplementation(() => {})
    const member = createCloudFunction('member', { sdk: as('wx-bad-code-user', async () => Promise.reject(new Error('invalid code'))), deps })
    expect(await member(call('openCard', { nickname: '微信用户', phoneCode: 'expired' }), {})).toMatchObject({ ok: false, error: { code: 'PHONE_CODE_INVALID' } })
    silenced.mockRestore()
    expect(await member(call('whoAmI'), {})).toMatchObject({ ok: true, data: { hasCard: false } })
  })

  it('passes only `input` to the contract: WeChat\'s userInfo never reaches a strict schema', async () => {
    expect(groupCall({ op: 'whoAmI', input: { a: 1 }, userInfo: {} })).toEqual({ op: 'whoAmI', input: { a: 1 } })
    expect(groupCall(null)).toBeNull()
    expect(groupCall({ op: 7 })).toBeNull()
    const member = createCloudFunction('member', { sdk: as(DEMO_OPENIDS.member), deps })
    expect(await member(call('getMyCard', { userInfo: {} }), {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })
})
