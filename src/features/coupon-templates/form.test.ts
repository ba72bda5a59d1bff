import { emptyTemplateForm, formFromView, validateTemplate, type TemplateForm } from './form'

const form = (over: Partial<TemplateForm>): TemplateForm => ({ ...emptyTemplateForm, name: '券', ...over })

describe('validateTemplate', () => {
  it('converts yuan to fen with the till parser and 8.8 to discountPct 88', () => {
    const r = validateTemplate(form({ kind: 'percent_off', threshold: '1,280.5', discount: '8.8折', maxDiscount: '０.５' }))
    expect(r).toMatchObject({ ok: true, template: { thresholdFen: 128050, discountPct: 88, maxDiscountFen: 50 } })
  })

  it.each([
    [{ kind: 'percent_off', discount: '9.95' }, 'discount', '请输入如 8.8 的折扣'],
    [{ kind: 'percent_off', discount: '0' }, 'discount', '折扣应在 0.1 折到 9.9 折之间'],
    [{ kind: 'gift', giftName: ' ' }, 'giftName', '请输入兑换礼品'],
    [{ amountOff: '30', unlimited: false, total: '' }, 'total', '请输入发放总量（整数）'],
    [{ amountOff: '30', unlimited: false, total: '0' }, 'total', '发放总量至少 1 张'],
    [{ amountOff: '30', perMember: '101' }, 'perMember', '每人限领最多 100 张'],
    [{ amountOff: '30', validityKind: 'fixed', validFrom: '2026-12-01', validTo: '2026-11-01' }, 'validity', '结束日期不能早于开始日期'],
    [{ amountOff: '30', claimFrom: '2026-12-01', claimTo: '2026-11-01' }, 'claimTo', '领取结束日期不能早于开始日期'],
    [{ amountOff: '30', channel: 'birthday', validityKind: 'fixed', validFrom: '2026-12-01', validTo: '2026-12-31' }, 'validity', '生日券的有效期固定为生日当月'],
  ] as const)('%p → %s: %s', (over, field, message) => {
    const r = validateTemplate(form(over as Partial<TemplateForm>))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.fields[field]).toContain(message)
  })

  it('leaves out what the kind or channel does not use, so switching does not trip the schema', () => {
    const r = validateTemplate(form({ kind: 'gift', giftName: '蛋糕', amountOff: '30', threshold: '100', discount: '8', channel: 'grant', claimFrom: '2026-12-01' }))
    expect(r).toEqual({
      ok: true,
      template: expect.objectContaining({ kind: 'gift', giftName: '蛋糕', thresholdFen: 0, channel: 'grant' }),
    })
    if (r.ok) expect(r.template).not.toHaveProperty('amountOffFen')
    if (r.ok) expect(r.template).not.toHaveProperty('claimFrom')
  })

  it('round-trips a template view', () => {
    const f = formFromView({
      id: '1', name: '满200减30', kind: 'amount_off', thresholdFen: 20000, amountOffFen: 3000, discountPct: null, maxDiscountFen: null,
      giftName: null, description: null, validity: { kind: 'fixed', from: '2026-12-01', to: '2026-12-31', days: null }, claimFrom: null,
      claimTo: null, totalQuantity: 100, claimedCount: 5, usedCount: 1, perMemberLimit: 2, minTierCode: 'gold', channel: 'claim',
      birthdayTierCode: null, status: 'active', updatedAt: '2026-11-20T00:00:00.000Z',
    })
    expect(validateTemplate(f)).toEqual({
      ok: true,
      template: {
        name: '满200减30', kind: 'amount_off', thresholdFen: 20000, amountOffFen: 3000, validity: { kind: 'fixed', from: '2026-12-01', to: '2026-12-31' },
        totalQuantity: 100, perMemberLimit: 2, minTierCode: 'gold', channel: 'claim', birthdayTierCode: null,
      },
    })
  })
})
