import type { AppConfig } from '../config'
import type { Db } from '../db'
import type { ImageStorage } from './storage/image-storage'
import type { SubscribeMessageSender, WechatOpenApi } from './wechat-apis'

/** What every call is given. Its own file so that operations can name it without importing dispatch (no cycles). */
export interface AppDeps {
  db: Db
  config: AppConfig
  /** Injected in tests; the real clock otherwise. */
  now?: () => Date
  /** WeChat's server API, present in cloud functions only (the browser gateway has no WeChat behind it). */
  wechat?: WechatOpenApi
  /** Where pictures are stored: cloud storage in the cloud, the data folder locally; none: uploads refused. */
  images?: ImageStorage
  /** Where the delivery job sends subscription messages: WeChat in the cloud, a recording sink locally. */
  subscribeMessages?: SubscribeMessageSender
  /**
   * Called after a call commits that queued notifications (not awaited, never throws into the call): the gateway
   * kicks the delivery job so the message goes out at once; the scheduled run catches anything missed.
   */
  onNotificationsQueued?: () => void
}
