import { writeAudit } from '../../db/repositories/audit-log'
import { insertTemplateIfNew } from '../../db/repositories/coupon-templates'
import { defineOperation } from '../operation'
import { toTemplateFields } from './template-fields'
import { templateAuditDetail, toTemplateView } from './template-view'

/** A manager creates a template; a retried save (same requestId) returns the one it made. Audited. */
export const createCouponTemplate = defineOperation({
  name: 'createCouponTemplate',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  run: async (ctx, staff, input) => {
    const fields = toTemplateFields(input.template, ctx.store.timezone)
    const { template, repeated } = await insertTemplateIfNew(ctx.tx, ctx.store.id, input.requestId, fields, ctx.now)
    if (!repeated) {
      await writeAudit(ctx.tx, { staffId: staff.id, action: 'coupon_template.create', memberId: null, detail: templateAuditDetail(template), createdAt: ctx.now })
    }
    return { template: toTemplateView(template, ctx.store.timezone), repeated }
  },
})
