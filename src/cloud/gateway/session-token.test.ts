import { signSessionToken, verifySessionToken } from './session-token'

const secret = 'test-secret'
const now = new Date('2026-11-22T08:00:00Z')

describe('session tokens', () => {
  it('round-trips the caller id while unexpired', () => {
    const token = signSessionToken('demo-member', secret, now, 60)
    expect(verifySessionToken(token, secret, new Date(now.getTime() + 59_000))?.sub).toBe('demo-member')
  })

  it('rejects an expired token', () => {
    const token = signSessionToken('demo-member', secret, now, 60)
    expect(verifySessionToken(token, secret, new Date(now.getTime() + 60_000))).toBeNull()
  })

  it('rejects a token signed with another secret', () => {
    const token = signSessionToken('demo-member', 'other-secret', now)
    expect(verifySessionToken(token, secret, now)).toBeNull()
  })

  it('rejects a payload swapped to another caller', () => {
    const token = signSessionToken('demo-member', secret, now)
    const [, signature] = token.split('.')
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'demo-clerk', exp: 9_999_999_999 })).toString('base64url')
    expect(verifySessionToken(`${forgedPayload}.${signature}`, secret, now)).toBeNull()
  })

  it('rejects garbage without throwing', () => {
    for (const junk of ['', '.', 'a.b.c', 'abc', 'x'.repeat(5000)]) expect(verifySessionToken(junk, secret, now)).toBeNull()
  })
})
