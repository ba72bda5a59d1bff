import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { TillCouponView } from '../../contract/till-coupons'
import { STORE_UTC_OFFSET_MIN } from '../common/store-time'
import { couponConditionText, couponFaceText, priceAtTill, shortText, type CouponTerms } from '../../domain/coupons/pricing'

dayjs.extend(utc)

/** The terms the pricing rules read, from the till's view of a coupon. */
export function termsOf(c: TillCouponView): CouponTerms {
  return {
    kind: c.kind,
    thresholdFen: c.thresholdFen,
    amountOffFen: c.amountOffFen,
    discountPct: c.discountPct,
    maxDiscountFen: c.maxDiscountFen,
    giftName: c.giftName,
  }
}

export const KIND_LABELS: Record<TillCouponView['kind'], string> = { amount_off: '满减券', percent_off: '折扣券', gift: '兑换券' }

export const faceText = (c: TillCouponView) => couponFaceText(termsOf(c))
export const conditionText = (c: TillCouponView) => couponConditionText(termsOf(c))

/** A store-zone date and time as the till prints it: "2026-11-30 23:59". */
export const storeDateTime = (iso: string) => dayjs(iso).utcOffset(STORE_UTC_OFFSET_MIN).format('YYYY-MM-DD HH:mm')

/**
 * Why this coupon cannot be applied to this amount, or null when it can: first the server's reason (明天起可用,
 * 仅限金卡, 已核销…), then the threshold against the amount entered after the tier discount ("还差 ¥12.00 可用"),
 * by the same rules the server applies.
 */
export function whyNot(c: TillCouponView, amountFen: number | null, tierDiscountPct: number | null): string | null {
  if (c.state !== 'usable') return c.reason ?? '该券当前不可用'
  if (amountFen === null) return null
  const price = priceAtTill({ grossFen: amountFen, tierDiscountPct, coupon: termsOf(c) })
  return price.shortFen !== null && price.shortFen > 0 ? shortText(price.shortFen) : null
}

export const usableCount = (coupons: TillCouponView[]) => coupons.filter((c) => c.state === 'usable').length

/** A till amount, always with its fen ("¥250.00", "-¥30.00"): the lines must add up at a glance. */
export const priceText = (fen: number) => `${fen < 0 ? '-' : ''}¥${(Math.abs(fen) / 100).toFixed(2)}`
