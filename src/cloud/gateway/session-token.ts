import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Signed session tokens for the browser build (on WeChat the platform tells us who is calling).
 * Format: base64url(JSON payload) "." base64url(HMAC-SHA256). Stateless on purpose: the gateway keeps no
 * session table, and a token cannot be widened by the client because the signature covers the payload.
 */
export interface SessionClaims {
  /** The caller's openid: a real one on WeChat, a demo or visitor id in the browser. */
  sub: string
  /** Expiry, unix seconds. */
  exp: number
}

export const SESSION_TTL_S = 7 * 24 * 3600
const MAX_TOKEN_CHARS = 1024

export function signSessionToken(sub: string, secret: string, now: Date, ttl_s = SESSION_TTL_S): string {
  const claims: SessionClaims = { sub, exp: Math.floor(now.getTime() / 1000) + ttl_s }
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${payload}.${mac(payload, secret)}`
}

/** Returns the claims of a well-formed, correctly signed, unexpired token; otherwise null. */
export function verifySessionToken(token: string, secret: string, now: Date): SessionClaims | null {
  if (token.length > MAX_TOKEN_CHARS) return null
  const [payload, signature, extra] = token.split('.')
  if (!payload || !signature || extra !== undefined) return null
  const expected = Buffer.from(mac(payload, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (!isClaims(claims)) return null
  return claims.exp > Math.floor(now.getTime() / 1000) ? claims : null
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url')
}

function isClaims(value: unknown): value is SessionClaims {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.sub === 'string' && v.sub.length > 0 && v.sub.length <= 128 && typeof v.exp === 'number'
}
