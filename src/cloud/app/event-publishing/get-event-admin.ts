import { AppError } from '../../../contract'
import { rowId } from '../coupons/ids'
import { withImages } from '../mall-catalog/images'
import { defineOperation } from '../operation'
import { loadAdminEventView } from './event-view'

export const getEventAdmin = defineOperation({
  name: 'getEventAdmin',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  prepare: (input, deps) => withImages(input, deps),
  run: async (ctx, _staff, { input, images }) => {
    const id = rowId(input.eventId)
    if (id === null) throw new AppError('EVENT_NOT_FOUND')
    return { event: await loadAdminEventView(ctx, id, images) }
  },
})
