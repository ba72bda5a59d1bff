import qrcode from 'qrcode-generator'
import { CODE128 } from 'jsbarcode/bin/barcodes/CODE128'

/**
 * The member code as images. Encoding is done by libraries (qrcode-generator, jsbarcode's CODE128);
 * this file only draws their module patterns as SVG and wraps them in data URIs, which an <Image> shows
 * on both H5 and weapp without a canvas.
 */

const QR_QUIET_ZONE = 4 // modules of white border the QR spec asks for
const BAR_QUIET_ZONE = 10 // modules of white each side of the barcode
const BAR_HEIGHT = 60

export interface CodeImages {
  qr: string
  barcode: string
}

export function memberCodeImages(code: string): CodeImages {
  return { qr: qrDataUri(code), barcode: barcodeDataUri(code) }
}

export function qrSvg(text: string): string {
  // Type 0 = smallest version that fits; level M survives a scratched screen protector.
  const qr = qrcode(0, 'M')
  qr.addData(text, /^\d+$/.test(text) ? 'Numeric' : 'Byte')
  qr.make()
  const count = qr.getModuleCount()
  const size = count + QR_QUIET_ZONE * 2
  let path = ''
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) path += `M${col + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h1v1h-1z`
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  )
}

/** The bar/space pattern ('1' = bar) of CODE128 (auto picks set C for digits: short and dense). */
export function code128Pattern(text: string): string {
  const encoder = new CODE128(text, {})
  if (!encoder.valid()) throw new Error('CODE128 cannot encode this text')
  return encoder.encode().data
}

export function barcodeSvg(text: string): string {
  const pattern = code128Pattern(text)
  const width = pattern.length + BAR_QUIET_ZONE * 2
  let path = ''
  let i = 0
  while (i < pattern.length) {
    if (pattern[i] === '1') {
      let run = 1
      while (pattern[i + run] === '1') run++
      path += `M${i + BAR_QUIET_ZONE} 0h${run}v${BAR_HEIGHT}h-${run}z`
      i += run
    } else {
      i++
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${BAR_HEIGHT}" preserveAspectRatio="none" shape-rendering="crispEdges">` +
    `<rect width="${width}" height="${BAR_HEIGHT}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  )
}

export const qrDataUri = (text: string): string => svgDataUri(qrSvg(text))
export const barcodeDataUri = (text: string): string => svgDataUri(barcodeSvg(text))

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${asciiToBase64(svg)}`
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of an ASCII string. The mini-program runtime has no btoa, and our SVG is pure ASCII. */
export function asciiToBase64(input: string): string {
  let out = ''
  for (let i = 0; i < input.length; i += 3) {
    const a = input.charCodeAt(i)
    const b = i + 1 < input.length ? input.charCodeAt(i + 1) : NaN
    const c = i + 2 < input.length ? input.charCodeAt(i + 2) : NaN
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63]
    out += Number.isNaN(b) ? '=' : B64[(n >> 6) & 63]
    out += Number.isNaN(c) ? '=' : B64[n & 63]
  }
  return out
}
