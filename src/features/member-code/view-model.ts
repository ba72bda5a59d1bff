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
