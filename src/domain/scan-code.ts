import { COUPON_CODE_PREFIX } from './coupons/code'
import { PICKUP_CODE_PREFIX } from './mall/pickup-code'
import { EVENT_TICKET_PREFIX } from './events/ticket-code'

/**
 * The one staff scanner: whatever the camera read (or the clerk typed or pasted) is routed by its shape. A member
 * code is 24 digits (src/domain/member-code.ts); every other code the app shows carries a typed prefix: C1 coupon,
 * P1 points-mall pick-up, E1 event ticket. Spaces and dashes are ignored and letters upper-cased, so a code read out
 * and typed by hand routes the same way.
 */
export type ScannedCode =
  | { kind: 'member'; code: string }
  | { kind: 'coupon'; code: string }
  | { kind: 'pickup'; code: string }
  | { kind: 'ticket'; code: string }
  | { kind: 'unknown' }

export function routeScannedCode(text: string): ScannedCode {
  const code = text.replace(/[\s-]+/g, '').toUpperCase()
  if (/^\d{24}$/.test(code)) return { kind: 'member', code }
  if (code.startsWith(COUPON_CODE_PREFIX) && /^C1\d{20}$/.test(code)) return { kind: 'coupon', code }
  if (code.startsWith(PICKUP_CODE_PREFIX) && /^P1\d{20}$/.test(code)) return { kind: 'pickup', code }
  if (code.startsWith(EVENT_TICKET_PREFIX) && /^E1\d{20}$/.test(code)) return { kind: 'ticket', code }
  return { kind: 'unknown' }
}
