import { routeScannedCode } from './scan-code'

describe('the one scanner: pick-up codes', () => {
  it('routes a P1 pick-up code, typed with spaces or in lower case; a short or lettered one is unknown', () => {
    expect(routeScannedCode('P112345678901234567890')).toEqual({ kind: 'pickup', code: 'P112345678901234567890' })
    expect(routeScannedCode(' p1 1234 5678-9012 3456 7890 ')).toEqual({ kind: 'pickup', code: 'P112345678901234567890' })
    expect(routeScannedCode('P11234567890123456789')).toEqual({ kind: 'unknown' })
    expect(routeScannedCode('P1123456789012345678901')).toEqual({ kind: 'unknown' })
    expect(routeScannedCode('P2123456789012345678901')).toEqual({ kind: 'unknown' })
    // Member and coupon codes still route as before.
    expect(routeScannedCode('123456789012345678901234').kind).toBe('member')
    expect(routeScannedCode('C112345678901234567890').kind).toBe('coupon')
  })
})

describe('the one scanner: event tickets', () => {
  it('routes an E1 ticket, typed with spaces or in lower case; a short one or another version is unknown', () => {
    expect(routeScannedCode('E112345678901234567890')).toEqual({ kind: 'ticket', code: 'E112345678901234567890' })
    expect(routeScannedCode('e1 1234 5678-9012 3456 7890')).toEqual({ kind: 'ticket', code: 'E112345678901234567890' })
    expect(routeScannedCode('E11234567890123456789')).toEqual({ kind: 'unknown' })
    expect(routeScannedCode('E2123456789012345678901')).toEqual({ kind: 'unknown' })
  })
})
