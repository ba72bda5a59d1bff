import { createMallItem } from './create-mall-item'
import { listMallItemsAdmin } from './list-mall-items-admin'
import { listMallRedemptions } from './list-mall-redemptions'
import { listStaffNotices } from './list-staff-notices'
import { markStaffNoticesRead } from './mark-staff-notices-read'
import { setMallItemStatus } from './set-mall-item-status'
import { updateMallItem } from './update-mall-item'
import { uploadMallImage } from './upload-mall-image'

/** The manager console's points mall (console function group). */
export const mallCatalogOperations = [
  listMallItemsAdmin,
  createMallItem,
  updateMallItem,
  setMallItemStatus,
  listMallRedemptions,
  uploadMallImage,
  listStaffNotices,
  markStaffNoticesRead,
]
