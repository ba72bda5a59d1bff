import type { ImageStorage } from './image-storage'

/** The part of wx-server-sdk's cloud storage we use (cloud.uploadFile inside a cloud function). */
export interface CloudUploader {
  uploadFile(args: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
}

/**
 * WeChat cloud storage: the key kept is the fileID (cloud://…), which <Image> on weapp shows directly, so urlOf
 * is the fileID itself. The cloud path is the content-addressed key, so an upload retried stores the same file.
 */
export function cloudImageStorage(sdk: CloudUploader): ImageStorage {
  return {
    async put(key, bytes) {
      const { fileID } = await sdk.uploadFile({ cloudPath: key, fileContent: Buffer.from(bytes) })
      if (!fileID) throw new Error('cloud uploadFile answered without a fileID')
      return fileID
    },
    urlOf: (imageKey) => imageKey,
  }
}
