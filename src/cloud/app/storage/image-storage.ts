import { createHash } from 'node:crypto'
import { IMAGE_EXTENSIONS, type ImageType } from '../../../domain/image-type'

/**
 * Where pictures live: cloud storage on WeChat (cloud-image-storage.ts), the data folder locally
 * (local-image-storage.ts). Operations see only this port, injected through AppDeps like `wechat`.
 */
export interface ImageStorage {
  /** Stores the bytes and answers the key to keep in the database (a cloud fileID, or a path under the folder). */
  put(key: string, bytes: Uint8Array, contentType: ImageType): Promise<string>
  /** What <Image src> shows: a gateway URL locally, the fileID itself on WeChat. */
  urlOf(imageKey: string): string
}

/**
 * Content-addressed: the same bytes always get the same key, and a key never comes to mean other bytes, so its
 * URL can be cached forever (immutable) and a retried upload stores nothing new.
 */
export function imageKeyFor(folder: string, bytes: Uint8Array, type: ImageType): string {
  return `${folder}/${createHash('sha256').update(bytes).digest('hex')}.${IMAGE_EXTENSIONS[type]}`
}

/** Local keys are served by the gateway under /files/; a cloud fileID (cloud://…) is shown as it is. */
export function defaultImageUrl(imageKey: string): string {
  return imageKey.startsWith('cloud://') ? imageKey : `/files/${imageKey}`
}
