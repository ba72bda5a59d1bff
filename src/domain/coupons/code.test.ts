import { randomBytes } from 'node:crypto'
import { routeScannedCode } from '../scan-code'
import { formatCouponCode, newCouponCode } from './code'

describe('coupon codes and the one staff scanner', () => {
  it('makes C1 and 20 uniformly drawn digits, different every time', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newCouponCode((n) => randomBytes(n))))
    expect(codes.size).toBe(1000)
    for (const c of codes) expect(c).toMatch(/^C1\d{20}$/)
  })

  it('drops bytes ≥ 250 so every digit is equally likely', () => {
    // 255 and 250 are skipped; 249 → 9, 0 → 0.
    const bytes = [255, 250, 249, 0, ...Array(100).fill(7)]
    expect(newCouponCode((n) => Uint8Array.from(bytes.slice(0, n)))).toBe('C1' + '90' + '7'.repeat(18))
  })

  it('groups the digits for reading aloud', () => {
    expect(formatCouponCode('C112345678901234567890')).toBe('C1 1234 5678 9012 3456 7890')
  })

  it('routes a member code, a coupon code (typed with spaces or in lower case) and anything else', () => {
    expect(routeScannedCode('123456789012345678901234')).toEqual({ kind: 'member', code: '123456789012345678901234' })
    expect(routeScannedCode(' c1 1234 5678-9012 3456 7890 ')).toEqual({ kind: 'coupon', code: 'C112345678901234567890' })
    expect(routeScannedCode('C11234')).toEqual({ kind: 'unknown' })
    expect(routeScannedCode('https://example.com')).toEqual({ kind: 'unknown' })
  })
})
