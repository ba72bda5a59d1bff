import type { ErrorCode } from '../contract'

/** Client-only codes: the server never sends these; the client derives them from transport failures. */
export const CLIENT_ERROR_MESSAGES = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
} as const

export type ClientErrorCode = ErrorCode | keyof typeof CLIENT_ERROR_MESSAGES

/** Thrown by `callApi`. `message` is Chinese and safe to show as is. */
export class ApiError extends Error {
  readonly code: ClientErrorCode
  readonly fields?: Record<string, string>

  constructor(code: ClientErrorCode, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.fields = fields
  }

  /** The request never reached a working server: show cached data and an offline banner. */
  get isOffline(): boolean {
    return this.code === 'NETWORK_ERROR' || this.code === 'SERVICE_UNAVAILABLE'
  }
}

export function networkError(): ApiError {
  return new ApiError('NETWORK_ERROR', CLIENT_ERROR_MESSAGES.NETWORK_ERROR)
}

export function unavailableError(): ApiError {
  return new ApiError('SERVICE_UNAVAILABLE', CLIENT_ERROR_MESSAGES.SERVICE_UNAVAILABLE)
}

/** Anything thrown, as an ApiError (unknown throws become INTERNAL with the generic message). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError('INTERNAL', '系统繁忙，请稍后再试')
}
