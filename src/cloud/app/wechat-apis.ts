/**
 * WeChat server APIs (云调用) an operation may use. An operation lists the ones it needs (`wechatApis`), and
 * `npm run build:cloud` writes exactly those into that function's config.json permissions.
 */
export const WECHAT_APIS = ['phonenumber.getPhoneNumber'] as const
export type WechatApi = (typeof WECHAT_APIS)[number]

/** What the app needs of WeChat's server API; the cloud functions supply it, the browser gateway has none. */
export interface WechatOpenApi {
  /** Exchanges the one-time code from the getPhoneNumber button for the user's number (no country code). */
  phoneNumberFromCode(code: string): Promise<string>
}
