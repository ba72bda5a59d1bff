import { AppError, MALL_IMAGE_MAX_BYTES } from '../../../contract'
import { checkImage } from '../../../domain/image-type'
import { writeAudit } from '../../db/repositories/audit-log'
import { defineOperation } from '../operation'
import { imageKeyFor } from '../storage/image-storage'
import { withImages } from './images'

/**
 * Stores an item's picture. The bytes are checked before anything is stored (size ≤ 200 KB, type by its magic
 * bytes matching the type claimed). Both happen in run, after the access check (prepare runs before it): only a
 * manager may put files into storage, and anyone else is told FORBIDDEN whatever he sent. The key is
 * content-addressed, so a retried upload answers the same key. The upload holds the call's connection for its
 * duration (one ≤ 200 KB file, a rare manager action); a file left by a call that then fails is harmless: the
 * same bytes map to it again.
 */
export const uploadMallImage = defineOperation({
  name: 'uploadMallImage',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  prepare: (input, deps) => withImages(input, deps),
  run: async (ctx, staff, { input, images }) => {
    const bytes = Buffer.from(input.dataBase64, 'base64')
    const check = checkImage(bytes, input.contentType, MALL_IMAGE_MAX_BYTES)
    if (!check.ok) throw new AppError(check.reason === 'too_large' ? 'IMAGE_TOO_LARGE' : 'IMAGE_INVALID')
    const type = check.type
    const imageKey = await images.put(imageKeyFor('mall', bytes, type), bytes, type)
    await writeAudit(ctx.tx, { staffId: staff.id, action: 'mall_image.upload', memberId: null, detail: { imageKey, bytes: bytes.length }, createdAt: ctx.now })
    return { imageKey, imageUrl: images.urlOf(imageKey) }
  },
})
