/**
 * @jest-environment jsdom
 */
// jsdom: on H5 the session lives in the tab's sessionStorage.
import Taro from '@tarojs/taro'
import { OPERATION_GROUPS } from '../contract/groups'
import { ApiError, callApi, clearSession, devLogin, hasSession } from './api'

jest.mock('@tarojs/taro', () => require('../../tests/ui/taro-mock'))

const request = Taro.request as unknown as jest.Mock
const callFunction = Taro.cloud.callFunction as unknown as jest.Mock
const reply = (data: unknown, statusCode = 200) => request.mockResolvedValueOnce({ data, statusCode, header: {}, errMsg: 'ok' })

const withEnv = (env: 'h5' | 'weapp') => {
  process.env.TARO_ENV = env
}

afterEach(() => {
  clearSession()
  window.sessionStorage.clear()
  jest.clearAllMocks()
})

describe('callApi on H5', () => {
  beforeEach(() => withEnv('h5'))

  it('posts the input to /api/<name> with the dev-login token and returns data', async () => {
    reply({ ok: true, data: { token: 'tok-1', role: 'member', label: '演示会员' } })
    await devLogin('member')
    expect(request).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/api/devLogin', method: 'POST', data: { as: 'member' } }))
    expect(hasSession()).toBe(true)

    reply({ ok: true, data: { code: '1'.repeat(24), issuedAt: 'a', refreshAt: 'b' } })
    const out = await callApi('getMemberCode', {})
    expect(out.code).toBe('1'.repeat(24))
    const call = request.mock.calls[1][0]
    expect(call.url).toBe('/api/getMemberCode')
    expect(call.header.Authorization).toBe('Bearer tok-1')
    expect(callFunction).not.toHaveBeenCalled()
  })

  it('throws a typed ApiError with the server message and fields', async () => {
    reply({ ok: false, error: { code: 'BAD_INPUT', message: '输入有误，请检查后重试', fields: { phone: '请输入 11 位手机号' } } })
    const err = await callApi('openCard', { nickname: 'x', phone: '1' }).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code: 'BAD_INPUT', message: '输入有误，请检查后重试', fields: { phone: '请输入 11 位手机号' } })
  })

  it('maps a failed request to NETWORK_ERROR with a Chinese message', async () => {
    request.mockRejectedValueOnce(new Error('request:fail'))
    const err = await callApi('whoAmI', {}).catch((e) => e)
    expect(err).toMatchObject({ code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试', isOffline: true })
  })

  it('maps a non-API response (no gateway, proxy error page) to SERVICE_UNAVAILABLE', async () => {
    reply('<html>502</html>', 502)
    const err = await callApi('whoAmI', {}).catch((e) => e)
    expect(err).toMatchObject({ code: 'SERVICE_UNAVAILABLE', isOffline: true })
  })

  it("keeps the demo identity in this tab's sessionStorage, so two windows can be two identities", async () => {
    reply({ ok: true, data: { token: 'tok-tab', role: 'clerk', label: '演示店员' } })
    await devLogin('clerk')
    expect(window.sessionStorage.getItem('mc.token.v1')).toBe(JSON.stringify('tok-tab'))
    // Nothing in the storage every tab of the origin shares.
    expect(Taro.setStorageSync).not.toHaveBeenCalledWith('mc.token.v1', expect.anything())
    // Another window starts with an empty sessionStorage: no session there until it picks its own identity.
    window.sessionStorage.clear()
    expect(hasSession()).toBe(false)
  })

  it('forgets the token on UNAUTHENTICATED', async () => {
    reply({ ok: true, data: { token: 'tok-2', role: 'member', label: 'x' } })
    await devLogin('member')
    reply({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
    await expect(callApi('whoAmI', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(hasSession()).toBe(false)
  })
})

describe('callApi on weapp', () => {
  beforeEach(() => withEnv('weapp'))
  afterAll(() => withEnv('h5'))

  it("calls the operation's group function with { op, input } and unwraps .result", async () => {
    callFunction.mockResolvedValueOnce({ result: { ok: true, data: { role: 'member', hasCard: true, nickname: '小林', staffName: null } } })
    const me = await callApi('whoAmI', {})
    expect(me.nickname).toBe('小林')
    expect(callFunction).toHaveBeenCalledWith({ name: 'member', data: { op: 'whoAmI', input: {} } })
    expect(request).not.toHaveBeenCalled()
    expect(hasSession()).toBe(true) // WeChat itself is the session
  })

  it('throws the typed error from the function result', async () => {
    callFunction.mockResolvedValueOnce({ result: { ok: false, error: { code: 'CODE_STALE', message: '会员码已过期，请让顾客刷新后重新出示' } } })
    await expect(callApi('staffLookupMember', { memberCode: '1'.repeat(24) })).rejects.toMatchObject({ code: 'CODE_STALE' })
    expect(callFunction).toHaveBeenCalledWith({ name: 'staff', data: { op: 'staffLookupMember', input: { memberCode: '1'.repeat(24) } } })
  })

  it('routes every operation to the group in the contract map, never to a function named after the operation', async () => {
    for (const [op, group] of Object.entries(OPERATION_GROUPS)) {
      callFunction.mockResolvedValueOnce({ result: { ok: false, error: { code: 'INTERNAL', message: 'x' } } })
      await callApi(op as keyof typeof OPERATION_GROUPS, {} as never).catch(() => undefined)
      expect(callFunction).toHaveBeenLastCalledWith({ name: group, data: { op, input: {} } })
    }
  })

  it('maps a failed callFunction to NETWORK_ERROR', async () => {
    callFunction.mockRejectedValueOnce(new Error('cloud.callFunction:fail'))
    await expect(callApi('whoAmI', {})).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
  })
})
