import Taro from '@tarojs/taro'
import { MALL_IMAGE_MAX_BYTES } from '../../contract/mall-items'
import { isWeapp } from '../../services/platform'

export interface PreparedPicture {
  contentType: 'image/jpeg' | 'image/png' | 'image/webp'
  dataBase64: string
}

/** The qualities tried in turn until the picture fits (the server refuses anything over 200 KB). */
const QUALITIES = [80, 65, 50, 35, 20] as const
/** H5: the longest side tried in turn (a phone photo is 4000 px; a product picture needs far less). */
const SIDES = [1080, 800, 600, 400] as const

export type PictureResult = { ok: true; picture: PreparedPicture } | { ok: false; reason: 'cancelled' | 'too_large' | 'failed' }

/** Asks for one picture (album or camera) and makes it ≤ 200 KB: compressed JPEG, quality and size lowered in turn. */
export async function choosePicture(): Promise<PictureResult> {
  let path: string
  try {
    const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    path = chosen.tempFilePaths[0]
    if (!path) return { ok: false, reason: 'cancelled' }
  } catch {
    return { ok: false, reason: 'cancelled' }
  }
  try {
    const picture = isWeapp() ? await compressWeapp(path) : await compressH5(path)
    return picture ? { ok: true, picture } : { ok: false, reason: 'too_large' }
  } catch {
    return { ok: false, reason: 'failed' }
  }
}

/** Base64 of n bytes is 4·⌈n/3⌉ characters: the byte count back from the text. */
export const base64Bytes = (b64: string) => Math.floor((b64.replace(/=+$/, '').length * 3) / 4)

async function compressWeapp(path: string): Promise<PreparedPicture | null> {
  const fs = Taro.getFileSystemManager()
  for (const quality of QUALITIES) {
    const { tempFilePath } = await Taro.compressImage({ src: path, quality })
    const dataBase64 = fs.readFileSync(tempFilePath, 'base64') as string
    if (base64Bytes(dataBase64) <= MALL_IMAGE_MAX_BYTES) return { contentType: 'image/jpeg', dataBase64 }
  }
  return null
}

async function compressH5(path: string): Promise<PreparedPicture | null> {
  const image = await loadImage(path)
  for (const side of SIDES) {
    const scale = Math.min(1, side / Math.max(image.naturalWidth, image.naturalHeight))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale))
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale))
    const context = canvas.getContext('2d')
    if (!context) return null
    // JPEG has no transparency: a white ground instead of black behind a transparent PNG.
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    for (const quality of QUALITIES) {
      const dataBase64 = canvas.toDataURL('image/jpeg', quality / 100).split(',')[1] ?? ''
      if (dataBase64 && base64Bytes(dataBase64) <= MALL_IMAGE_MAX_BYTES) return { contentType: 'image/jpeg', dataBase64 }
    }
  }
  return null
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error('image did not load'))
    image.src = src
  })
}
