import { emptyMallItemForm, formFromItem, validateMallItem, type MallItemForm } from './form'
import { aMallItem } from '../../../tests/ui/mall-console-fixtures'

const form = (over: Partial<MallItemForm>): MallItemForm => ({ ...emptyMallItemForm, name: '帆布袋', pointsPrice: '800', stockTotal: '50', ...over })

describe('validateMallItem', () => {
  it('turns the typed strings into the contract input (full-width digits accepted; no limit is null)', () => {
    const checked = validateMallItem(form({ pointsPrice: '１５００', limited: false, redeemUntil: '2026-12-31' }))
    expect(checked).toEqual({
      ok: true,
      item: expect.objectContaining({ kind: 'gift', name: '帆布袋', pointsPrice: 1500, stockTotal: 50, perMemberLimit: null, redeemUntil: '2026-12-31', imageKey: null }),
    })
  })

  it("names each bad field with the schema's Chinese words", () => {
    const checked = validateMallItem(form({ name: '', pointsPrice: '0', stockTotal: 'abc', perMemberLimit: '1', maxPerRedemption: '3', redeemFrom: '2026-12-02', redeemUntil: '2026-12-01' }))
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.fields.pointsPrice).toBe('所需积分至少 1')
    expect(checked.fields.stockTotal).toBe('请输入库存（整数）')
    expect(checked.fields.name).toBeTruthy()
  })

  it('asks a coupon item for its template, and a date window in order', () => {
    const coupon = validateMallItem(form({ kind: 'coupon' }))
    expect(coupon).toEqual({ ok: false, fields: { couponTemplateId: '请选择要兑换的优惠券' } })
    const window = validateMallItem(form({ redeemFrom: '2026-12-02', redeemUntil: '2026-12-01' }))
    expect(window).toEqual({ ok: false, fields: { redeemUntil: '兑换结束日期不能早于开始日期' } })
    const cap = validateMallItem(form({ perMemberLimit: '1', maxPerRedemption: '2' }))
    expect(cap).toEqual({ ok: false, fields: { maxPerRedemption: '单次兑换数量不能超过每人限兑' } })
  })

  it('reads an item back into the same form it was saved from', () => {
    const item = aMallItem({ redeemFrom: '2026-12-01', minTier: { code: 'gold', name: '金卡', minGrowth: 5000, discountPct: 95 } })
    const f = formFromItem(item)
    expect(f).toMatchObject({ name: '拾光马克杯', pointsPrice: '1500', stockTotal: '10', limited: true, perMemberLimit: '1', redeemFrom: '2026-12-01', minTierCode: 'gold', imageKey: 'mall/abc.png' })
    expect(validateMallItem(f).ok).toBe(true)
  })
})
