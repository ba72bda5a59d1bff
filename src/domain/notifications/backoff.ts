/**
 * Retry policy for a WeChat send that WeChat itself reported as transient (system busy, daily quota): wait
 * 1, 2, 4, 8 … minutes (capped at 6 hours), and give up after MAX_SEND_ATTEMPTS attempts.
 */
export const MAX_SEND_ATTEMPTS = 5
const BASE_S = 60
const CAP_S = 6 * 60 * 60

/** When to try again after `attempts` failed attempts (1 = the first failed), or null to give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_SEND_ATTEMPTS) return null
  const delayS = Math.min(CAP_S, BASE_S * 2 ** Math.max(0, attempts - 1))
  return new Date(now.getTime() + delayS * 1000)
}

/** WeChat error codes after which the message was certainly not sent and a later try may succeed. */
export const TRANSIENT_WECHAT_ERRORS: readonly number[] = [-1, 45009]
/** The member has no unused consent for the template (or refused it): their count is really 0. */
export const NO_CONSENT_WECHAT_ERROR = 43101
