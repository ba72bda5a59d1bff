import { AppError, MALL_IMAGE_MAX_BYTES } from '../../../contract'
import { checkImage } from '../../../domain/image-type'
import { writeAudit } from '../../db/repositories/audit-log'
import { defineOperation } from '../operation'
import { imageKeyFor } from '../storage/image-storage'
import { imagesOf } from './images'

/**
 * Stores an item's picture. The bytes are checked before anything is stored (size ≤ 200 KB, type by its magic
 * bytes matching the type claimed). Checked in prepare (pure, no IO) but stored in run: prepare runs before the
 * caller's access is known, and only a manager may put files into storage. The key is content-addressed, so a
 * retried upload answers the same key.
 */
export const uploadMallImage = defineOperation({
  name: 'uploadMallImage',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  prepare: async (input, deps) => {
    const bytes = Buffer.from(input.dataBase64, 'base64')
    const check = checkImage(bytes, input.contentType, MALL_IMAGE_MAX_BYTES)
    if (!check.ok) throw new AppError(check.reason === 'too_large' ? 'IMAGE_TOO_LARGE' : 'IMAGE_INVALID')
    return { bytes, type: check.type, images: imagesOf(deps) }
  },
  run: async (ctx, staff, { bytes, type, images }) => {
    const imageKey = await images.put(imageKeyFor('mall', bytes, type), bytes, type)
    await writeAudit(ctx.tx, { staffId: staff.id, action: 'mall_image.upload', memberId: null, detail: { imageKey, bytes: bytes.length }, createdAt: ctx.now })
    return { imageKey, imageUrl: images.urlOf(imageKey) }
  },
})
