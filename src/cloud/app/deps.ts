import type { AppConfig } from '../config'
import type { Db } from '../db'
import type { WechatOpenApi } from './wechat-apis'

/** What every call is given. Its own file so that operations can name it without importing dispatch (no cycles). */
export interface AppDeps {
  db: Db
  config: AppConfig
  /** Injected in tests; the real clock otherwise. */
  now?: () => Date
  /** WeChat's server API, present in cloud functions only (the browser gateway has no WeChat behind it). */
  wechat?: WechatOpenApi
}
