import { AppError } from '../../../contract'
import { writeAudit } from '../../db/repositories/audit-log'
import { updateTemplateFields } from '../../db/repositories/coupon-templates'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { toTemplateFields } from './template-fields'
import { templateAuditDetail, toTemplateView } from './template-view'

/**
 * Replaces a template's settings. Claimed and used counts are kept; a total below what is already claimed is
 * refused by the UPDATE's own guard. Coupons already issued keep their terms (they carry a copy). Audited.
 */
export const updateCouponTemplate = defineOperation({
  name: 'updateCouponTemplate',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  run: async (ctx, staff, input) => {
    const id = rowId(input.id)
    if (id === null) throw new AppError('COUPON_TEMPLATE_NOT_FOUND')
    const result = await updateTemplateFields(ctx.tx, ctx.store.id, id, toTemplateFields(input.template, ctx.store.timezone), ctx.now)
    if (!result.ok) {
      if (result.reason === 'not_found') throw new AppError('COUPON_TEMPLATE_NOT_FOUND')
      throw new AppError('COUPON_TOTAL_BELOW_CLAIMED', undefined, { 'template.totalQuantity': '发放总量不能少于已领取数量' })
    }
    await writeAudit(ctx.tx, { staffId: staff.id, action: 'coupon_template.update', memberId: null, detail: templateAuditDetail(result.template), createdAt: ctx.now })
    return { template: toTemplateView(result.template, ctx.store.timezone) }
  },
})
