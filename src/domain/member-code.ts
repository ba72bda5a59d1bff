import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The member code shown on the card: 24 digits = member number (8) + issued-at unix seconds (10) + signature (6).
 * Digits only, so it fits a barcode and can be typed in at the till. The signature makes a screenshot go stale
 * and a made-up number fail; 6 digits is a one-in-a-million guess per scan, which is enough at a till.
 */
export const MEMBER_NO_DIGITS = 8
const ISSUED_AT_DIGITS = 10
const SIGNATURE_DIGITS = 6
/** Clocks of a phone and the server disagree a little; more than this in the future is not a clock, it is a forgery. */
export const MAX_CLOCK_SKEW_S = 30
/** The card shows a fresh code every minute. */
export const CODE_REFRESH_S = 60

export type MemberCodeCheck =
  | { ok: true; memberNo: string; issuedAtS: number }
  | { ok: false; reason: 'CODE_MALFORMED' | 'CODE_FORGED' | 'CODE_STALE' }

export function signMemberCode(memberNo: string, issuedAt: Date, secret: string): { code: string; issuedAtS: number } {
  if (!new RegExp(`^\\d{${MEMBER_NO_DIGITS}}$`).test(memberNo)) throw new RangeError('memberNo must be 8 digits')
  const issuedAtS = Math.floor(issuedAt.getTime() / 1000)
  const issued = String(issuedAtS).padStart(ISSUED_AT_DIGITS, '0')
  return { code: memberNo + issued + signature(memberNo + issued, secret), issuedAtS }
}

/** Checks a scanned code. `maxAgeS` is inclusive: a code exactly maxAgeS old is still accepted. */
export function verifyMemberCode(code: string, now: Date, secret: string, maxAgeS: number): MemberCodeCheck {
  if (!/^\d{24}$/.test(code)) return { ok: false, reason: 'CODE_MALFORMED' }
  const signed = code.slice(0, MEMBER_NO_DIGITS + ISSUED_AT_DIGITS)
  const given = Buffer.from(code.slice(MEMBER_NO_DIGITS + ISSUED_AT_DIGITS))
  const expected = Buffer.from(signature(signed, secret))
  // Constant time, so the signature cannot be found digit by digit from response times.
  if (!timingSafeEqual(given, expected)) return { ok: false, reason: 'CODE_FORGED' }
  const issuedAtS = Number(code.slice(MEMBER_NO_DIGITS, MEMBER_NO_DIGITS + ISSUED_AT_DIGITS))
  const ageS = Math.floor(now.getTime() / 1000) - issuedAtS
  if (ageS < -MAX_CLOCK_SKEW_S) return { ok: false, reason: 'CODE_FORGED' }
  if (ageS > maxAgeS) return { ok: false, reason: 'CODE_STALE' }
  return { ok: true, memberNo: code.slice(0, MEMBER_NO_DIGITS), issuedAtS }
}

/** HOTP-style dynamic truncation (RFC 4226) of an HMAC-SHA256 to 6 decimal digits. */
function signature(message: string, secret: string): string {
  const mac = createHmac('sha256', secret).update(message).digest()
  const offset = mac[mac.length - 1] & 0x0f
  const value = mac.readUInt32BE(offset) & 0x7fffffff
  return String(value % 10 ** SIGNATURE_DIGITS).padStart(SIGNATURE_DIGITS, '0')
}
