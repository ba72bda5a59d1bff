/** Pure helpers for showing the member code. */

/** "123456789012345678901234" → "1234 5678 9012 3456 7890 1234": easy to read aloud at the till. */
export function groupDigits(code: string, size = 4): string {
  const digits = code.replace(/\s+/g, '')
  const groups: string[] = []
  for (let i = 0; i < digits.length; i += size) groups.push(digits.slice(i, i + size))
  return groups.join(' ')
}

export const FALLBACK_REFRESH_S = 60
const MIN_REFRESH_S = 5 // never hammer the server, even if the clock is off
const MAX_REFRESH_S = 300

/**
 * Seconds until the code should be refreshed: the server's own interval (refreshAt − issuedAt), both stamped by
 * the server clock, so a phone whose clock is minutes off still refreshes once a minute. Clamped so that bad
 * data can neither spin nor freeze the refresh.
 */
export function secondsUntilRefresh(issuedAt: string, refreshAt: string): number {
  const interval_ms = Date.parse(refreshAt) - Date.parse(issuedAt)
  if (Number.isNaN(interval_ms)) return FALLBACK_REFRESH_S
  return Math.min(MAX_REFRESH_S, Math.max(MIN_REFRESH_S, Math.ceil(interval_ms / 1000)))
}

/** "58 秒后自动刷新" */
export function countdownText(secondsLeft: number): string {
  return secondsLeft > 0 ? `${secondsLeft} 秒后自动刷新` : '正在刷新…'
}

/**
 * How long after it arrived a code is still shown when refreshing fails. The server accepts a code for 120 s
 * from its issue (MEMBER_CODE_MAX_AGE_S); the margin covers the trip to the client and the clerk's scan.
 */
export const SERVER_ACCEPTS_S = 120
const SHOW_MARGIN_S = 10
export function codeUsableUntilMs(receivedMs: number): number {
  return receivedMs + (SERVER_ACCEPTS_S - SHOW_MARGIN_S) * 1000
}

/** Retry backoff after failed refreshes: 2 s, 4 s, 8 s, 16 s, then every 30 s. */
export function retryDelayMs(failuresInARow: number): number {
  const n = Math.max(1, failuresInARow)
  return Math.min(30_000, 1000 * 2 ** n)
}

/** Transient failures are retried by themselves; a refusal (no card, no session) waits for the user. */
export function shouldRetry(error: { code: string; isOffline: boolean }): boolean {
  return error.isOffline || error.code === 'INTERNAL' || error.code === 'RATE_LIMITED'
}

/** The footer line under a code kept on screen while offline. */
export function staleText(usableSecondsLeft: number): string {
  return `网络不可用 · 此码 ${Math.max(0, usableSecondsLeft)} 秒内仍可使用`
}
