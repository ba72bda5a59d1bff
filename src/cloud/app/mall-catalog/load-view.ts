import { AppError, type AdminMallItemView } from '../../../contract'
import { findAdminMallItem } from '../../db/repositories/mall-catalog'
import type { ImageStorage } from '../storage/image-storage'
import type { UseCaseContext } from '../store-context'
import { toAdminMallItemView } from './item-view'

/** The item as the console shows it after a write, read back in the same transaction. */
export async function loadAdminItemView(ctx: UseCaseContext, id: number, images: ImageStorage): Promise<AdminMallItemView> {
  const row = await findAdminMallItem(ctx.tx, ctx.store.id, id)
  if (!row) throw new AppError('MALL_ITEM_NOT_FOUND')
  return toAdminMallItemView(row, ctx, images)
}
