import { earningsForPurchase, spendForUnits, unitsForAmount } from './points'

describe('points and growth from an amount in fen', () => {
  it('gives one point per whole yuan and drops the fen', () => {
    expect(unitsForAmount(100, 1)).toBe(1)
    expect(unitsForAmount(199, 1)).toBe(1)
    expect(unitsForAmount(12_345, 1)).toBe(123)
  })

  it('gives nothing for less than a yuan', () => {
    expect(unitsForAmount(99, 1)).toBe(0)
    expect(unitsForAmount(1, 1)).toBe(0)
  })

  it('stays exact where floating point would not (¥0.29 x 100 style amounts)', () => {
    expect(unitsForAmount(29_00, 1)).toBe(29)
    expect(unitsForAmount(57_00, 1)).toBe(57)
    expect(unitsForAmount(10_000_000, 3)).toBe(300_000)
  })

  it('applies the store rates for points and growth separately', () => {
    expect(earningsForPurchase(25_050, { pointsPerYuan: 2, growthPerYuan: 1 })).toEqual({ points: 501, growth: 250 })
  })

  it('rejects fractional or negative amounts', () => {
    expect(() => unitsForAmount(10.5, 1)).toThrow(RangeError)
    expect(() => unitsForAmount(-100, 1)).toThrow(RangeError)
  })
})

describe('spend needed for growth', () => {
  it('is the smallest payment that earns the units, the exact inverse of earning', () => {
    expect(spendForUnits(1291, 1)).toBe(129_100)
    expect(spendForUnits(1291, 2)).toBe(64_550)
    expect(spendForUnits(7, 3)).toBe(234) // ¥2.34 earns floor(7.02) = 7; ¥2.33 earns only 6
    for (const [units, rate] of [[7, 3], [1, 3], [999, 7], [5000, 1]]) {
      const fen = spendForUnits(units, rate)!
      expect(unitsForAmount(fen, rate)).toBeGreaterThanOrEqual(units)
      expect(unitsForAmount(fen - 1, rate)).toBeLessThan(units)
    }
  })

  it('is null when spending earns nothing', () => {
    expect(spendForUnits(100, 0)).toBeNull()
  })
})
