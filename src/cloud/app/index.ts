/**
 * The server side as the gateway and the WeChat cloud functions see it: open a database, call `dispatch`.
 * Everything else under src/cloud/app and src/cloud/db is internal.
 */
export type { Caller } from './caller'
export { dispatch } from './dispatch'
export type { AppDeps } from './deps'
export { openDatabase, type Db, type OpenDatabaseOptions, type OpenedDatabase } from '../db'
export { seedDemoData, DEMO_OPENIDS } from './seed-demo-data'
export { loadConfig, type AppConfig } from '../config'
export { setupStore, addStaff, DEFAULT_TIERS, type StoreSettings } from './setup-store'
export type { WechatOpenApi } from './wechat-apis'
export { operations, operationGroups, findOperation } from './registry'
export { backfillAllPhoneHashes } from './card/phone-hash-backfill'
export { setNotificationTemplate, type TemplateConfig } from './notifications/set-template'
export { readStoreRules, changeStoreRules, storeRules, type StoreRules } from './store-rules'
export { RecordingSink } from './notifications/recording-sink'
export type { SubscribeMessageSender, SubscribeMessage, SendOutcome } from './wechat-apis'
