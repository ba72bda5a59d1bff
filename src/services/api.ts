import Taro from '@tarojs/taro'
import type { ApiInput, ApiName, ApiOutput, ApiResult, ErrorCode } from '../contract/index'
import { ERROR_MESSAGES } from '../contract/errors'
import { OPERATION_GROUPS } from '../contract/groups'
import { ApiError, networkError, unavailableError } from './api-error'
import { currentPlatform } from './platform'
import { readIdentityStored as readStored, removeIdentityStored as removeStored, writeIdentityStored as writeStored } from './storage'

export { ApiError, toApiError } from './api-error'
export type { ClientErrorCode } from './api-error'

/**
 * The one client API module. Pages and features call `callApi(name, input)` and never learn the platform:
 *  - weapp: `wx.cloud.callFunction({ name: group, data: { op, input } })` on the cloud function that serves the
 *    operation's group (src/contract/groups.ts); identity comes from the WeChat context, no token;
 *  - H5:    `POST /api/<name>` on the same origin with the dev-login bearer token.
 * Both return an `ApiResult`; a typed error becomes a thrown `ApiError`, transport failures become
 * NETWORK_ERROR / SERVICE_UNAVAILABLE so the UI can fall back to cached data.
 */
export async function callApi<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>> {
  const result = currentPlatform() === 'weapp' ? await viaCloud(name, input) : await viaHttp(`/api/${name}`, input, true)
  return unwrap(result) as ApiOutput<N>
}

const TOKEN_KEY = 'mc.token.v1'
const REQUEST_TIMEOUT_MS = 15_000

export type DevIdentity = 'member' | 'birthday' | 'clerk' | 'manager' | 'visitor'

/** H5 only: whether a dev-login token is stored. On weapp WeChat itself is the session. */
export function hasSession(): boolean {
  return currentPlatform() === 'weapp' || Boolean(readStored<string>(TOKEN_KEY))
}

/** Dev login is an H5 feature (the local gateway); the mini-program never shows it. */
export const supportsDevLogin = (): boolean => currentPlatform() === 'h5'

export async function devLogin(as: DevIdentity): Promise<{ role: string; label: string }> {
  const data = unwrap(await viaHttp('/api/devLogin', { as }, false)) as { token: string; role: string; label: string }
  writeStored(TOKEN_KEY, data.token)
  return { role: data.role, label: data.label }
}

export function clearSession(): void {
  removeStored(TOKEN_KEY)
}

async function viaCloud(op: ApiName, input: unknown): Promise<unknown> {
  try {
    const res = await Taro.cloud.callFunction({ name: OPERATION_GROUPS[op], data: { op, input } })
    return res.result
  } catch {
    // callFunction rejects on no network, timeouts and a missing/crashed function alike.
    throw networkError()
  }
}

async function viaHttp(url: string, input: unknown, withToken: boolean): Promise<unknown> {
  const header: Record<string, string> = { 'Content-Type': 'application/json' }
  const token = withToken ? readStored<string>(TOKEN_KEY) : null
  if (token) header.Authorization = `Bearer ${token}`
  let res: Taro.request.SuccessCallbackResult<Record<string, unknown>>
  try {
    res = await Taro.request<Record<string, unknown>>({ url, method: 'POST', data: input as Record<string, unknown>, header, timeout: REQUEST_TIMEOUT_MS, dataType: 'json' })
  } catch {
    throw networkError()
  }
  if (isApiResult(res.data)) return res.data
  // Not our JSON: a proxy error page, the static server without the gateway, a 5xx.
  throw unavailableError()
}

function unwrap(result: unknown): unknown {
  if (!isApiResult(result)) throw unavailableError()
  if (result.ok) return result.data
  const code = result.error.code as ErrorCode
  const message = result.error.message || ERROR_MESSAGES[code] || ERROR_MESSAGES.INTERNAL
  if (code === 'UNAUTHENTICATED') clearSession()
  throw new ApiError(code, message, result.error.fields)
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  const v = value as { ok: unknown; error?: { code?: unknown } }
  if (v.ok === true) return 'data' in v
  return v.ok === false && typeof v.error === 'object' && v.error !== null && typeof v.error.code === 'string'
}
