import { randomDigits } from '../random-digits'

/**
 * A coupon's one-time code: 'C1' (kind C = coupon, format version 1) and 20 random digits (≈ 66 bits, so codes
 * cannot be guessed or enumerated at the till). The prefix lets the one staff scanner route a scan
 * (src/domain/scan-code.ts); letters and digits only, so it fits a CODE_128 barcode as well as a QR.
 */
export const COUPON_CODE_PREFIX = 'C1'
const DIGITS = 20

/** `randomBytes(n)` must be a cryptographic source (node:crypto on the server); injectable for tests. */
export function newCouponCode(randomBytes: (n: number) => Uint8Array): string {
  return COUPON_CODE_PREFIX + randomDigits(DIGITS, randomBytes)
}

/** 'C1 2345 6789 0123 4567 8901': groups of four after the prefix, for reading aloud or typing at the till. */
export function formatCouponCode(code: string): string {
  const body = code.slice(COUPON_CODE_PREFIX.length)
  return [COUPON_CODE_PREFIX, ...(body.match(/.{1,4}/g) ?? [])].join(' ')
}
