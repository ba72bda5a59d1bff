import { changesTimeOrPlace, emptyEventForm, fieldOf, formFromEvent, validateEvent, type EventForm } from './form'

const at = (iso: string) => Date.parse(iso)
const filled = (over: Partial<EventForm> = {}): EventForm => ({ ...emptyEventForm(at('2026-11-23T02:00:00Z')), title: '手冲咖啡课', place: '一楼吧台', ...over })

describe('event form', () => {
  it('defaults a new event to tomorrow 14:00–16:00 on the store’s clock: at 23:59 store time tomorrow is the next day', () => {
    // 15:59Z = 23:59 on Nov 23 in the store: tomorrow is Nov 24.
    expect(emptyEventForm(at('2026-11-23T15:59:00Z'))).toMatchObject({ startsAt: '2026-11-24 14:00', endsAt: '2026-11-24 16:00' })
    // 16:00Z = 00:00 on Nov 24 in the store (still Nov 23 in UTC): tomorrow is Nov 25.
    expect(emptyEventForm(at('2026-11-23T16:00:00Z'))).toMatchObject({ startsAt: '2026-11-25 14:00', endsAt: '2026-11-25 16:00' })
  })

  it('turns the form into the contract input: numbers, the tier rule, an empty cut-off as the store default', () => {
    const checked = validateEvent(filled({ capacity: '３０', pointsCost: '200', tierRule: 'early', tierCode: 'gold', earlySignupFrom: '2026-11-23 20:00', signupFrom: '2026-11-24 09:00' }))
    expect(checked).toEqual({
      ok: true,
      event: expect.objectContaining({ capacity: 30, pointsCost: 200, rewardPoints: 0, minTierCode: null, earlyTierCode: 'gold', earlySignupFrom: '2026-11-23 20:00', cancelCutoffHours: null, startsAt: '2026-11-24 14:00' }),
    })
  })

  it('shows the schema’s messages next to their fields', () => {
    const checked = validateEvent(filled({ title: '', endsAt: '2026-11-24 13:00', capacity: '0', tierRule: 'min', tierCode: null }))
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.fields.endsAt).toBe('结束时间应晚于开始时间')
    expect(checked.fields.capacity).toBe('名额至少 1 人')
    expect(checked.fields.tierCode).toBe('请选择会员等级')
    expect(checked.fields.title).toBeTruthy()
  })

  it('round-trips a stored event, and tells a time or place change from other edits', () => {
    const stored = { title: 'T', description: null, coverKey: null, startsAt: '2026-12-01 23:59', endsAt: '2026-12-02 00:30', place: 'P', capacity: 5, signupFrom: null, signupUntil: null, minTierCode: 'gold' as const, earlyTierCode: null, earlySignupFrom: null, pointsCost: 0, rewardPoints: 50, cancelCutoffHours: 6 }
    const f = formFromEvent(stored, null)
    expect(f).toMatchObject({ startsAt: '2026-12-01 23:59', endsAt: '2026-12-02 00:30', tierRule: 'min', tierCode: 'gold', cancelCutoffHours: '6', rewardPoints: '50' })
    expect(validateEvent(f)).toMatchObject({ ok: true, event: { minTierCode: 'gold', cancelCutoffHours: 6 } })
    expect(changesTimeOrPlace({ ...f, capacity: '9' }, stored)).toBe(false)
    expect(changesTimeOrPlace({ ...f, endsAt: '2026-12-02 01:00' }, stored)).toBe(true)
    expect(fieldOf('event.capacity')).toBe('capacity')
    expect(fieldOf('event.minTierCode')).toBe('tierCode')
  })
})
