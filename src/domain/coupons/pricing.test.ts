import { couponConditionText, couponDiscount, couponFaceText, percentDiscountFen, priceAtTill, shortText, type CouponTerms } from './pricing'

const manJian: CouponTerms = { kind: 'amount_off', thresholdFen: 200_00, amountOffFen: 30_00, discountPct: null, maxDiscountFen: null }
const zheKou = (pct: number, cap: number | null = null, threshold = 0): CouponTerms => ({
  kind: 'percent_off',
  thresholdFen: threshold,
  amountOffFen: null,
  discountPct: pct,
  maxDiscountFen: cap,
})

describe('coupon arithmetic at the till', () => {
  it('applies ¥30 off ¥200 at exactly ¥200.00 and refuses it at ¥199.99, one fen short', () => {
    expect(couponDiscount(200_00, manJian)).toEqual({ discountFen: 30_00, shortFen: null })
    expect(couponDiscount(199_99, manJian)).toEqual({ discountFen: 0, shortFen: 1 })
    expect(shortText(1)).toBe('还差 ¥0.01 可用')
    expect(shortText(12_00)).toBe('还差 ¥12.00 可用')
  })

  it('takes 8.5折 off ¥99.00 to exactly ¥84.15', () => {
    expect(priceAtTill({ grossFen: 99_00, tierDiscountPct: null, coupon: zheKou(85) })).toMatchObject({ couponDiscountFen: 14_85, paidFen: 84_15 })
  })

  it('rounds a half fen of discount in the member’s favour, and only then', () => {
    // 8.5折 on ¥0.99: the discount is 14.85 fen → 15; on ¥0.97: 14.55 → 15; on ¥0.93: 13.95 → 14; on ¥0.90: 13.5 → 14.
    expect(percentDiscountFen(99, 85)).toBe(15)
    expect(percentDiscountFen(90, 85)).toBe(14)
    expect(percentDiscountFen(10, 85)).toBe(2) // 1.5 → 2
    expect(percentDiscountFen(3, 85)).toBe(0) // 0.45 → 0
  })

  it('respects the cap of a capped 折扣 (最多减 ¥50)', () => {
    expect(couponDiscount(1000_00, zheKou(80, 50_00))).toEqual({ discountFen: 50_00, shortFen: null })
    expect(couponDiscount(100_00, zheKou(80, 50_00))).toEqual({ discountFen: 20_00, shortFen: null })
  })

  it('never takes more than is payable: a ¥50 no-threshold coupon on ¥30 makes it ¥0, never negative', () => {
    const noThreshold: CouponTerms = { ...manJian, thresholdFen: 0, amountOffFen: 50_00 }
    const price = priceAtTill({ grossFen: 30_00, tierDiscountPct: null, coupon: noThreshold })
    expect(price).toMatchObject({ couponDiscountFen: 30_00, paidFen: 0 })
    expect(priceAtTill({ grossFen: 1, tierDiscountPct: 90, coupon: noThreshold }).paidFen).toBe(0)
  })

  it('takes the tier discount first, then judges the coupon’s threshold against what is left', () => {
    // ¥220 at 9折 is ¥198: a 满200 coupon no longer applies, and the clerk is told by how much.
    const price = priceAtTill({ grossFen: 220_00, tierDiscountPct: 90, coupon: manJian })
    expect(price).toEqual({ grossFen: 220_00, tierDiscountFen: 22_00, afterTierFen: 198_00, couponDiscountFen: 0, paidFen: 198_00, shortFen: 2_00 })
    // ¥250 at 8折 is ¥200: it applies.
    expect(priceAtTill({ grossFen: 250_00, tierDiscountPct: 80, coupon: manJian })).toMatchObject({ afterTierFen: 200_00, couponDiscountFen: 30_00, paidFen: 170_00 })
  })

  it('gives a gift coupon no money off and no threshold', () => {
    const gift: CouponTerms = { kind: 'gift', thresholdFen: 0, amountOffFen: null, discountPct: null, maxDiscountFen: null, giftName: '拿铁一杯' }
    expect(priceAtTill({ grossFen: 0, tierDiscountPct: null, coupon: gift })).toMatchObject({ couponDiscountFen: 0, paidFen: 0, shortFen: null })
    expect(couponFaceText(gift)).toBe('兑换')
    expect(couponConditionText(gift)).toBe('拿铁一杯')
  })

  it('names coupons the way a receipt does', () => {
    expect(couponFaceText(manJian)).toBe('¥30')
    expect(couponFaceText({ ...manJian, amountOffFen: 12_50 })).toBe('¥12.5')
    expect(couponFaceText(zheKou(88))).toBe('8.8折')
    expect(couponFaceText(zheKou(80))).toBe('8折')
    expect(couponConditionText(manJian)).toBe('满200可用')
    expect(couponConditionText(zheKou(88, 50_00))).toBe('无门槛，最多减¥50')
  })

  it('refuses amounts that are not whole fen', () => {
    expect(() => priceAtTill({ grossFen: 1.5, tierDiscountPct: null, coupon: null })).toThrow(RangeError)
    expect(() => priceAtTill({ grossFen: -1, tierDiscountPct: null, coupon: null })).toThrow(RangeError)
  })
})
