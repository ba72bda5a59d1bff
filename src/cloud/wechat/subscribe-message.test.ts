import { wechatSubscribeMessages, type WxSubscribeMessageSdk } from './subscribe-message'

const message = { touser: 'o-openid', templateId: 'T1', page: 'packages/member/pages/notifications/index', data: { thing1: { value: '积分到账' } } }

function sdk(send: WxSubscribeMessageSdk['openapi']['subscribeMessage']['send']): WxSubscribeMessageSdk {
  return { openapi: { subscribeMessage: { send } } }
}

describe('subscribeMessage.send through wx-server-sdk', () => {
  it('passes the message in the SDK\'s camelCase shape, formal state, Chinese', async () => {
    const calls: unknown[] = []
    const sender = wechatSubscribeMessages(
      sdk(async (args) => {
        calls.push(args)
        return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
      }),
      'formal',
    )
    expect(await sender.sendSubscribeMessage(message)).toEqual({ ok: true })
    expect(calls).toEqual([{ ...message, miniprogramState: 'formal', lang: 'zh_CN' }])
  })

  it('maps a CloudSDKError to its WeChat code, and an error without one to an unknown outcome', async () => {
    const refused = wechatSubscribeMessages(sdk(async () => Promise.reject(Object.assign(new Error('x'), { errCode: 43101, errMsg: 'user refuse' }))))
    expect(await refused.sendSubscribeMessage(message)).toEqual({ ok: false, errCode: 43101, errMsg: 'user refuse' })
    const lost = wechatSubscribeMessages(sdk(async () => Promise.reject(new Error('ETIMEDOUT'))))
    expect(await lost.sendSubscribeMessage(message)).toEqual({ ok: false, errCode: null, errMsg: 'ETIMEDOUT' })
  })
})
