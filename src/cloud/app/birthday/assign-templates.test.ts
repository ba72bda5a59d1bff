import type { BirthdayTemplate } from '../../db/repositories/birthday-gifts'
import { assignTemplates } from './issue-gifts'

const template = (id: number, birthdayTierCode: BirthdayTemplate['birthdayTierCode'], remaining: number | null): BirthdayTemplate => ({
  id,
  name: `t${id}`,
  birthdayTierCode,
  minTierCode: null,
  remaining,
  claimStartsAt: null,
  claimEndsAt: null,
})

describe('which birthday template a member gets', () => {
  it('takes the template of the member\'s tier, else the one for every tier', () => {
    const { gifts } = assignTemplates(
      [
        { id: 1, tierCode: 'gold' },
        { id: 2, tierCode: 'normal' },
      ],
      [template(10, null, null), template(11, 'gold', null)],
      0,
    )
    expect(gifts).toEqual([
      { memberId: 1, templateId: 11 },
      { memberId: 2, templateId: 10 },
    ])
  })

  it('hands out only the stock left, in member order, and holds the rest back (no gift yet, even with points)', () => {
    const { gifts, soldOut } = assignTemplates(
      [1, 2, 3].map((id) => ({ id, tierCode: 'normal' as const })),
      [template(10, null, 2)],
      50,
    )
    expect(gifts.map((g) => g.memberId)).toEqual([1, 2])
    expect(soldOut).toBe(1)
  })

  it('gives points alone to a tier without a template when the store gives points, and nothing otherwise', () => {
    const candidates = [{ id: 1, tierCode: 'silver' as const }]
    expect(assignTemplates(candidates, [template(11, 'gold', null)], 20).gifts).toEqual([{ memberId: 1, templateId: null }])
    expect(assignTemplates(candidates, [template(11, 'gold', null)], 0).gifts).toEqual([])
  })

  it('skips a template whose audience (min tier) leaves the member out', () => {
    const goldOnly = { ...template(12, null, null), minTierCode: 'gold' as const }
    const allows = (t: BirthdayTemplate, tier: string) => t.minTierCode === null || tier === 'gold'
    expect(assignTemplates([{ id: 1, tierCode: 'normal' }, { id: 2, tierCode: 'gold' }], [goldOnly], 0, allows).gifts).toEqual([{ memberId: 2, templateId: 12 }])
  })
})
