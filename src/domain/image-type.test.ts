import { checkImage, sniffImageType } from './image-type'

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const WEBP = Uint8Array.from([...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WEBPVP8 ')])

describe('image type by magic bytes', () => {
  it('tells JPEG, PNG and WebP by their first bytes', () => {
    expect(sniffImageType(JPEG)).toBe('image/jpeg')
    expect(sniffImageType(PNG)).toBe('image/png')
    expect(sniffImageType(WEBP)).toBe('image/webp')
  })

  it('knows nothing else: GIF, SVG text, a RIFF that is not WebP (WAV), a cut-off signature, nothing', () => {
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull()
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(sniffImageType(Uint8Array.from([...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WAVE')]))).toBeNull()
    expect(sniffImageType(PNG.slice(0, 5))).toBeNull()
    expect(sniffImageType(new Uint8Array())).toBeNull()
  })

  it('accepts bytes only when they are the type claimed and within the size', () => {
    expect(checkImage(PNG, 'image/png', 100)).toEqual({ ok: true, type: 'image/png' })
    expect(checkImage(JPEG, 'image/png', 100)).toEqual({ ok: false, reason: 'invalid' })
    expect(checkImage(WEBP, 'image/jpeg', 100)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refuses one byte over the limit as too large, and takes exactly the limit', () => {
    const at = new Uint8Array(1000)
    at.set(PNG)
    expect(checkImage(at, 'image/png', 1000)).toEqual({ ok: true, type: 'image/png' })
    const over = new Uint8Array(1001)
    over.set(PNG)
    expect(checkImage(over, 'image/png', 1000)).toEqual({ ok: false, reason: 'too_large' })
  })
})
