import type { SendOutcome, SubscribeMessage, SubscribeMessageSender } from '../app/wechat-apis'

/** The part of wx-server-sdk the delivery job uses (declared as `subscribeMessage.send` in the jobs function's config). */
export interface WxSubscribeMessageSdk {
  openapi: { subscribeMessage: { send(args: SubscribeMessage & { miniprogramState?: string; lang?: string }): Promise<unknown> } }
}

/**
 * subscribeMessage.send through wx-server-sdk. The SDK converts camelCase keys to WeChat's snake_case and throws a
 * CloudSDKError carrying `errCode` when WeChat answers with an error; an error without a code (a network failure,
 * a timeout) means we do not know whether the message went out.
 */
export function wechatSubscribeMessages(sdk: WxSubscribeMessageSdk, miniprogramState = process.env.WECHAT_MINIPROGRAM_STATE ?? 'formal'): SubscribeMessageSender {
  return {
    async sendSubscribeMessage(message) {
      try {
        await sdk.openapi.subscribeMessage.send({ ...message, miniprogramState, lang: 'zh_CN' })
        return { ok: true }
      } catch (error) {
        const errCode = (error as { errCode?: unknown }).errCode
        const errMsg = String((error as { errMsg?: unknown }).errMsg ?? (error as Error).message ?? error)
        const outcome: SendOutcome = { ok: false, errCode: typeof errCode === 'number' ? errCode : null, errMsg }
        return outcome
      }
    },
  }
}
