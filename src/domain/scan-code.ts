import { COUPON_CODE_PREFIX } from './coupons/code'

/**
 * The one staff scanner: whatever the camera read (or the clerk typed or pasted) is routed by its shape. A member
 * code is 24 digits (src/domain/member-code.ts); every other code the app shows carries a typed prefix: C1 coupon
 * and P1 a points-mall pick-up (later E1 event ticket). Spaces and dashes are ignored and letters upper-cased, so a code read out
 * and typed by hand routes the same way.
 */
export type ScannedCode =
  | { kind: 'member'; code: string }
  | { kind: 'coupon'; code: string }
  | { kind: 'pickup'; code: string }
  | { kind: 'unknown' }

export function routeScannedCode(text: string): ScannedCode {
  const code = text.replace(/[\s-]+/g, '').toUpperCase()
  if (/^\d{24}$/.test(code)) return { kind: 'member', code }
  if (code.startsWith(COUPON_CODE_PREFIX) && /^C1\d{20}$/.test(code)) return { kind: 'coupon', code }
  if (/^P1\d{20}$/.test(code)) return { kind: 'pickup', code }
  return { kind: 'unknown' }
}
