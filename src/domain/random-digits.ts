/**
 * `count` uniformly random decimal digits: the body of every one-time code the app shows (coupon C1, pick-up P1,
 * event ticket E1), 20 digits ≈ 66 bits, so a code cannot be guessed or enumerated at the till.
 * `randomBytes(n)` must be a cryptographic source (node:crypto on the server); injectable for tests.
 */
export function randomDigits(count: number, randomBytes: (n: number) => Uint8Array): string {
  let digits = ''
  // Rejection sampling: bytes ≥ 250 are dropped so each digit is uniform (250 = 25 × 10).
  while (digits.length < count) {
    for (const b of randomBytes(count * 2)) {
      if (b < 250 && digits.length < count) digits += String(b % 10)
    }
  }
  return digits
}
