import { mkdir, rename, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { defaultImageUrl, type ImageStorage } from './image-storage'

/**
 * Pictures as files under the data folder (DATA_DIR/files), served by the gateway at /files/<key>
 * (gateway/image-files.ts). Written to a temporary name and renamed, so a reader never sees half a file; a key
 * that exists already holds the same bytes (content-addressed) and is left alone.
 */
export function localImageStorage(root: string): ImageStorage {
  return {
    async put(key, bytes) {
      if (!/^[\w-]+(\/[\w-]+)*\.(jpg|png|webp)$/.test(key)) throw new Error(`localImageStorage: unsafe key ${key}`)
      const file = join(root, key)
      if (await exists(file)) return key
      await mkdir(dirname(file), { recursive: true })
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
      await writeFile(temporary, bytes)
      await rename(temporary, file)
      return key
    },
    urlOf: defaultImageUrl,
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}
