import { AppError, type ApiName, type ApiResult } from '../../contract'
import { dispatch, loadConfig, openDatabase, type AppDeps, type WechatOpenApi } from '../app'
import { describeError } from '../db/loggable-error'

/**
 * The WeChat cloud-function face of the handlers. WeChat runs one instance per function and reuses it across
 * calls, so the database pool is opened once per instance and kept small (see README: production).
 * Identity comes from the platform (OPENID in the WeChat context), never from the event the client sends.
 */

/**
 * The part of wx-server-sdk we use, kept behind this interface because the SDK cannot run outside WeChat:
 * the caller's identity, and the phone-number exchange (declared in the function's config.json permissions).
 */
export interface WxSdk {
  getWXContext(): { OPENID?: string }
  openapi: { phonenumber: { getPhoneNumber(args: { code: string }): Promise<PhoneNumberResult> } }
}

/** wx-server-sdk answers in camelCase; the raw HTTP API in snake_case. Either is accepted. */
interface PhoneNumberResult {
  phoneInfo?: { purePhoneNumber?: string }
  phone_info?: { purePhoneNumber?: string }
}

export interface CloudFunctionOptions {
  /** Tests pass a stand-in SDK and an open database; WeChat gets the real SDK and DATABASE_URL. */
  sdk?: WxSdk
  deps?: AppDeps
}

type CloudMain = (event: unknown, context: unknown) => Promise<ApiResult<unknown>>

export function createCloudFunction(name: ApiName, options: CloudFunctionOptions = {}): CloudMain {
  return async (event) => {
    const sdk = options.sdk ?? wxServerSdk()
    const { OPENID } = sdk.getWXContext()
    let base: AppDeps
    try {
      base = options.deps ?? (await instanceDeps())
    } catch (error) {
      // A cold start that cannot reach the database (or lacks its secrets) still answers in the contract's
      // shape, so the client shows 系统繁忙 rather than a network failure; the cause goes to the function's log.
      console.error(`cloud function ${name}: start-up failed:`, describeError(error))
      return { ok: false, error: new AppError('INTERNAL').toBody() }
    }
    return dispatch(name, withoutPlatformFields(event), OPENID ? { openid: OPENID } : null, { ...base, wechat: wechatOpenApi(sdk) })
  }
}

/** WeChat adds `userInfo` (appId, openId) to every event; the contract's strict schemas must not see it. */
export function withoutPlatformFields(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event
  const { userInfo: _userInfo, ...input } = event as Record<string, unknown>
  return input
}

export function wechatOpenApi(sdk: WxSdk): WechatOpenApi {
  return {
    async phoneNumberFromCode(code) {
      const result = await sdk.openapi.phonenumber.getPhoneNumber({ code })
      const number = (result.phoneInfo ?? result.phone_info)?.purePhoneNumber
      if (!number) throw new Error('getPhoneNumber returned no number')
      return number
    },
  }
}

let realSdk: WxSdk | undefined
function wxServerSdk(): WxSdk {
  if (!realSdk) {
    // Loaded lazily and only inside WeChat: the deployed function's package.json depends on wx-server-sdk.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk')
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    realSdk = cloud as WxSdk
  }
  return realSdk
}

let deps: Promise<AppDeps> | undefined
/** One small pool per function instance, opened on its first call and kept for the calls after it. */
function instanceDeps(): Promise<AppDeps> {
  if (!deps) {
    deps = openInstanceDeps()
    deps.catch(() => (deps = undefined)) // a failed cold start must not poison the instance
  }
  return deps
}

async function openInstanceDeps(): Promise<AppDeps> {
  // Always the production rules here: WeChat does not set NODE_ENV, and the dev fallback secrets are public.
  const config = loadConfig({ ...process.env, NODE_ENV: 'production' })
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is required in cloud functions')
  const poolMax = Number.parseInt(process.env.DB_POOL_MAX ?? '2', 10)
  const { db } = await openDatabase({ url, poolMax })
  return { db, config }
}
