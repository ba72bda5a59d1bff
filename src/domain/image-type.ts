/**
 * What a picture really is, told by its first bytes (the client's contentType is only a claim): JPEG FF D8 FF,
 * PNG 89 50 4E 47, WebP "RIFF" …4 bytes of size… "WEBP". Anything else, or a mismatch, is not stored.
 */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp'

export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const at = (i: number, values: number[]) => values.every((v, k) => bytes[i + k] === v)
  if (bytes.length >= 3 && at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (bytes.length >= 8 && at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (bytes.length >= 12 && at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp'
  return null
}

export const IMAGE_EXTENSIONS: Record<ImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

export type ImageCheck = { ok: true; type: ImageType } | { ok: false; reason: 'invalid' | 'too_large' }

/** Size first (a huge upload is refused without looking further), then the bytes must be the type claimed. */
export function checkImage(bytes: Uint8Array, claimed: string, maxBytes: number): ImageCheck {
  if (bytes.length > maxBytes) return { ok: false, reason: 'too_large' }
  const type = sniffImageType(bytes)
  if (!type || type !== claimed) return { ok: false, reason: 'invalid' }
  return { ok: true, type }
}
