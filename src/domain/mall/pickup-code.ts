import { randomDigits } from '../random-digits'

/**
 * A gift's pick-up code: 'P1' (kind P = pick-up, format version 1) and 20 random digits (≈ 66 bits: cannot be
 * guessed or enumerated at the till, unlike a time-derived code). The prefix lets the one staff scanner route it
 * (src/domain/scan-code.ts). Mirrors the coupon code (src/domain/coupons/code.ts).
 */
export const PICKUP_CODE_PREFIX = 'P1'
const DIGITS = 20

/** `randomBytes(n)` must be a cryptographic source (node:crypto on the server); injectable for tests. */
export function newPickupCode(randomBytes: (n: number) => Uint8Array): string {
  return PICKUP_CODE_PREFIX + randomDigits(DIGITS, randomBytes)
}
