import { countdownText, groupDigits, secondsUntilRefresh } from './view-model'
import { asciiToBase64, barcodeSvg, code128Pattern, memberCodeImages, qrSvg } from './encode'

const CODE = '123456789012345678901234'

describe('member code view-model', () => {
  it('groups the 24 digits by four', () => {
    expect(groupDigits(CODE)).toBe('1234 5678 9012 3456 7890 1234')
    expect(groupDigits('1234 5678')).toBe('1234 5678')
  })

  it("counts down the server's own interval, whatever the phone's clock says, clamped against bad data", () => {
    const issued = '2026-03-08T06:30:00.000Z'
    expect(secondsUntilRefresh(issued, '2026-03-08T06:31:00.000Z')).toBe(60)
    expect(secondsUntilRefresh(issued, '2026-03-08T06:29:00.000Z')).toBe(5)
    expect(secondsUntilRefresh(issued, '2026-03-08T08:30:00.000Z')).toBe(300)
    expect(secondsUntilRefresh(issued, 'garbage')).toBe(60)
    expect(countdownText(42)).toBe('42 秒后自动刷新')
  })
})

describe('member code images', () => {
  it('encodes the code as CODE128 (set C: start C, 12 digit pairs, checksum, stop)', () => {
    const pattern = code128Pattern(CODE)
    expect(pattern).toMatch(/^[01]+$/)
    // Start C = 11010011100; 14 symbols of 11 modules + a 13-module stop.
    expect(pattern.startsWith('11010011100')).toBe(true)
    expect(pattern.length).toBe(14 * 11 + 13)
    expect(barcodeSvg(CODE)).toContain('<svg')
  })

  it('draws a QR code whose size matches the library matrix', () => {
    const svg = qrSvg(CODE)
    // 24 numeric digits fit version 1 (21 modules) at level M; plus a 4-module quiet zone on each side.
    expect(svg).toContain('viewBox="0 0 29 29"')
    expect((svg.match(/h1v1h-1z/g) ?? []).length).toBeGreaterThan(100)
  })

  it('wraps both as base64 SVG data URIs (no btoa in the mini-program)', () => {
    const { qr, barcode } = memberCodeImages(CODE)
    for (const uri of [qr, barcode]) {
      expect(uri).toMatch(/^data:image\/svg\+xml;base64,/)
      const decoded = Buffer.from(uri.split(',')[1], 'base64').toString('ascii')
      expect(decoded.startsWith('<svg')).toBe(true)
    }
    expect(asciiToBase64('ab')).toBe(Buffer.from('ab').toString('base64'))
    expect(asciiToBase64('abc')).toBe(Buffer.from('abc').toString('base64'))
    expect(asciiToBase64('abcd')).toBe(Buffer.from('abcd').toString('base64'))
  })
})
