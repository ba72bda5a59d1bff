/**
 * Points and growth earned for a payment. Integer maths only: amounts are in fen and the rate is whole
 * units per yuan, so `floor(amount_fen * rate / 100)` is exact (no float rounding at ¥x.99).
 */
export function unitsForAmount(amountFen: number, perYuan: number): number {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new RangeError('amountFen must be a non-negative integer')
  if (!Number.isSafeInteger(perYuan) || perYuan < 0) throw new RangeError('perYuan must be a non-negative integer')
  return Math.floor((amountFen * perYuan) / 100)
}

export interface EarnRates {
  pointsPerYuan: number
  growthPerYuan: number
}

export function earningsForPurchase(amountFen: number, rates: EarnRates): { points: number; growth: number } {
  return { points: unitsForAmount(amountFen, rates.pointsPerYuan), growth: unitsForAmount(amountFen, rates.growthPerYuan) }
}

/**
 * The smallest payment, in fen, that earns `units` at `perYuan` (the inverse of unitsForAmount): what the card
 * means by "再消费 ¥X 升级". Null when spending earns nothing at this rate.
 */
export function spendForUnits(units: number, perYuan: number): number | null {
  if (!Number.isSafeInteger(units) || units < 0) throw new RangeError('units must be a non-negative integer')
  if (perYuan <= 0) return null
  return Math.ceil((units * 100) / perYuan)
}
