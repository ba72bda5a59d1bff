import { AppError } from '../../../contract'
import { writeAudit } from '../../db/repositories/audit-log'
import { setTemplateStatus } from '../../db/repositories/coupon-templates'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { toTemplateView } from './template-view'

/** Stops (or resumes) new claims and issues. Coupons already held stay as they are. Audited. */
export const setCouponTemplateStatus = defineOperation({
  name: 'setCouponTemplateStatus',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  run: async (ctx, staff, input) => {
    const id = rowId(input.id)
    const row = id === null ? null : await setTemplateStatus(ctx.tx, ctx.store.id, id, input.status, ctx.now)
    if (!row) throw new AppError('COUPON_TEMPLATE_NOT_FOUND')
    await writeAudit(ctx.tx, {
      staffId: staff.id,
      action: input.status === 'stopped' ? 'coupon_template.stop' : 'coupon_template.resume',
      memberId: null,
      detail: { templateId: row.id },
      createdAt: ctx.now,
    })
    return { template: toTemplateView(row, ctx.store.timezone) }
  },
})
