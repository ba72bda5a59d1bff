import { randomBytes } from 'node:crypto'
import { decryptField, encryptField } from './field-cipher'

const key = randomBytes(32)

describe('field encryption at rest', () => {
  it('round-trips a phone number and never stores it in clear', () => {
    const stored = encryptField(key, 'members.phone', '13812345678')
    expect(stored).not.toContain('13812345678')
    expect(decryptField(key, 'members.phone', stored)).toBe('13812345678')
  })

  it('gives a different ciphertext each time for the same value', () => {
    expect(encryptField(key, 'members.phone', '13812345678')).not.toBe(encryptField(key, 'members.phone', '13812345678'))
  })

  it('refuses to decrypt with another key, in another column, or after tampering', () => {
    const stored = encryptField(key, 'members.phone', '13812345678')
    expect(() => decryptField(randomBytes(32), 'members.phone', stored)).toThrow()
    expect(() => decryptField(key, 'members.birthday', stored)).toThrow()
    const parts = stored.split('.')
    parts[3] = Buffer.from('13900000000').toString('base64url')
    expect(() => decryptField(key, 'members.phone', parts.join('.'))).toThrow()
  })
})
