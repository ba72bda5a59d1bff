/**
 * WeChat server APIs (云调用) an operation may use. An operation lists the ones it needs (`wechatApis`), and
 * `npm run build:cloud` writes exactly those into that function's config.json permissions.
 */
export const WECHAT_APIS = ['phonenumber.getPhoneNumber', 'subscribeMessage.send'] as const
export type WechatApi = (typeof WECHAT_APIS)[number]

/** What the app needs of WeChat's server API; the cloud functions supply it, the browser gateway has none. */
export interface WechatOpenApi {
  /** Exchanges the one-time code from the getPhoneNumber button for the user's number (no country code). */
  phoneNumberFromCode(code: string): Promise<string>
}

/** One subscription message, as subscribeMessage.send takes it (camelCase: wx-server-sdk converts the keys). */
export interface SubscribeMessage {
  touser: string
  templateId: string
  /** Mini-program page opened from the message (no leading slash), or none. */
  page?: string
  data: Record<string, { value: string }>
}

/**
 * What WeChat answered. `errCode: null` means no answer at all (a network failure, a timeout): the message may or
 * may not have gone out, so it must not be sent again.
 */
export type SendOutcome = { ok: true } | { ok: false; errCode: number | null; errMsg: string }

/**
 * Sends subscription messages: WeChat's subscribeMessage.send in the cloud (src/cloud/wechat/subscribe-message.ts),
 * a recording sink locally (src/cloud/app/notifications/recording-sink.ts). Never throws.
 */
export interface SubscribeMessageSender {
  sendSubscribeMessage(message: SubscribeMessage): Promise<SendOutcome>
}
