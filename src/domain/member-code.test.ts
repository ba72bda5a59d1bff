import { signMemberCode, verifyMemberCode } from './member-code'

const secret = 'test-secret-for-member-codes'
const at = (iso: string) => new Date(iso)

describe('member code', () => {
  it('is 24 digits: member number, issue time in seconds, signature', () => {
    const { code, issuedAtS } = signMemberCode('00001234', at('2025-05-01T10:00:30.900Z'), secret)
    expect(code).toMatch(/^\d{24}$/)
    expect(code.slice(0, 8)).toBe('00001234')
    expect(issuedAtS).toBe(Date.parse('2025-05-01T10:00:30Z') / 1000)
    expect(code.slice(8, 18)).toBe(String(issuedAtS))
  })

  it('verifies a fresh code and names its member', () => {
    const { code } = signMemberCode('10000001', at('2025-05-01T10:00:00Z'), secret)
    expect(verifyMemberCode(code, at('2025-05-01T10:00:05Z'), secret, 120)).toEqual({
      ok: true,
      memberNo: '10000001',
      issuedAtS: Date.parse('2025-05-01T10:00:00Z') / 1000,
    })
  })

  it('accepts a code issued at second 59 and scanned just after the minute turns', () => {
    const { code } = signMemberCode('10000001', at('2025-05-01T10:00:59Z'), secret)
    expect(verifyMemberCode(code, at('2025-05-01T10:01:00Z'), secret, 120).ok).toBe(true)
    expect(verifyMemberCode(code, at('2025-05-01T10:02:01Z'), secret, 120).ok).toBe(true)
  })

  it('accepts a code across midnight and the year end', () => {
    const { code } = signMemberCode('10000001', at('2025-12-31T23:59:30Z'), secret)
    expect(verifyMemberCode(code, at('2026-01-01T00:00:30Z'), secret, 120).ok).toBe(true)
  })

  it('accepts a code exactly max age old and refuses it one second later as stale', () => {
    const { code } = signMemberCode('10000001', at('2025-05-01T10:00:00Z'), secret)
    expect(verifyMemberCode(code, at('2025-05-01T10:02:00Z'), secret, 120).ok).toBe(true)
    expect(verifyMemberCode(code, at('2025-05-01T10:02:00.999Z'), secret, 120).ok).toBe(true)
    expect(verifyMemberCode(code, at('2025-05-01T10:02:01Z'), secret, 120)).toEqual({ ok: false, reason: 'CODE_STALE' })
  })

  it('refuses a code with a changed member number, time or signature as forged', () => {
    const { code } = signMemberCode('10000001', at('2025-05-01T10:00:00Z'), secret)
    const now = at('2025-05-01T10:00:10Z')
    const flip = (i: number) => code.slice(0, i) + ((Number(code[i]) + 1) % 10) + code.slice(i + 1)
    for (const i of [0, 7, 8, 17, 18, 23]) {
      expect(verifyMemberCode(flip(i), now, secret, 120)).toEqual({ ok: false, reason: 'CODE_FORGED' })
    }
  })

  it('refuses a code signed with another secret', () => {
    const { code } = signMemberCode('10000001', at('2025-05-01T10:00:00Z'), 'another-secret')
    expect(verifyMemberCode(code, at('2025-05-01T10:00:01Z'), secret, 120)).toEqual({ ok: false, reason: 'CODE_FORGED' })
  })

  it('tolerates a phone clock 30 s ahead but refuses a code issued further in the future', () => {
    const now = at('2025-05-01T10:00:00Z')
    const skewed = signMemberCode('10000001', at('2025-05-01T10:00:30Z'), secret).code
    const future = signMemberCode('10000001', at('2025-05-01T10:00:31Z'), secret).code
    expect(verifyMemberCode(skewed, now, secret, 120).ok).toBe(true)
    expect(verifyMemberCode(future, now, secret, 120)).toEqual({ ok: false, reason: 'CODE_FORGED' })
  })

  it('refuses anything that is not 24 digits as malformed', () => {
    const now = at('2025-05-01T10:00:00Z')
    for (const bad of ['', '123', 'x'.repeat(24), '1'.repeat(23), '1'.repeat(25), ' 1'.repeat(12)]) {
      expect(verifyMemberCode(bad, now, secret, 120)).toEqual({ ok: false, reason: 'CODE_MALFORMED' })
    }
  })

  it('refuses to sign a member number that is not 8 digits', () => {
    expect(() => signMemberCode('123', new Date(), secret)).toThrow(RangeError)
  })
})
