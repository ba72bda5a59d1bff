import { createCouponTemplate } from './create-coupon-template'
import { listCouponTemplates } from './list-coupon-templates'
import { setCouponTemplateStatus } from './set-coupon-template-status'
import { updateCouponTemplate } from './update-coupon-template'

/** The manager console's coupon templates (console function group). */
export const couponTemplatesOperations = [listCouponTemplates, createCouponTemplate, updateCouponTemplate, setCouponTemplateStatus]
