import { randomBytes } from 'node:crypto'

/**
 * One-time coupon codes: 'C1' + 20 digits from the operating system's CSPRNG (a code is what the till
 * verifies, so it must not be guessable). Generated here and passed into the set-based statement (22 bytes a
 * member, nothing next to the chunk's cost) rather than in SQL: random() is not a CSPRNG, and pgcrypto's
 * gen_random_bytes would need CREATE EXTENSION in a migration (a privilege a hosted database may not grant) and
 * PGlite to load it as an extra extension. Bytes ≥ 250 are dropped so every digit is uniform.
 * Kept beside the birthday gift until src/domain/coupons/code.ts (newCouponCode) is on main: same format.
 */
export function newCouponCodes(count: number): string[] {
  const codes: string[] = []
  let pool = randomBytes(count * 24 + 32)
  let at = 0
  for (let i = 0; i < count; i++) {
    let digits = 'C1'
    while (digits.length < 22) {
      if (at >= pool.length) {
        pool = randomBytes(256)
        at = 0
      }
      const byte = pool[at++]
      if (byte < 250) digits += String(byte % 10)
    }
    codes.push(digits)
  }
  return codes
}
