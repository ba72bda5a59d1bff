import { aDoorEntry, anAttended } from '../../../tests/ui/event-door-fixtures'
import { checkedInText, entryStatusText, filterEntries, spanText, storeClock, whenText } from './view-model'

describe('door labels', () => {
  it('reads check-in times on the store clock, across midnight', () => {
    expect(storeClock('2026-11-23T15:59:00.000Z')).toBe('23:59')
    expect(storeClock('2026-11-23T16:00:00.000Z')).toBe('00:00')
    // Stored store-time strings and instants read the same way.
    expect(whenText('2026-11-23 12:00')).toBe('11月23日 12:00')
    expect(whenText('2026-11-23T04:00:00.000Z')).toBe('11月23日 12:00')
    expect(spanText('2026-11-23 14:00', '2026-11-23 16:00')).toBe('11月23日 14:00–16:00')
    expect(spanText('2026-11-23 23:00', '2026-11-24 01:00')).toBe('11月23日 23:00 至 11月24日 01:00')
    // Instants (what the door's views send) on the store's clock: 15:59Z is 23:59 in the store, 16:00Z is 00:00 next day.
    expect(spanText('2026-11-23T06:00:00.000Z', '2026-11-23T08:00:00.000Z')).toBe('11月23日 14:00–16:00')
    expect(spanText('2026-11-23T15:59:00.000Z', '2026-11-23T16:00:00.000Z')).toBe('11月23日 23:59 至 11月24日 00:00')
  })

  it('says who checked in and when, the waitlist place, and the reward', () => {
    expect(entryStatusText(anAttended())).toBe('已签到 14:02 · 小王')
    expect(entryStatusText(aDoorEntry({ status: 'waitlisted', waitlistPosition: 2 }))).toBe('候补第 2 位')
    expect(entryStatusText(aDoorEntry())).toBe('未签到')
    expect(checkedInText(50)).toBe('签到成功 · +50 积分')
    expect(checkedInText(0)).toBe('签到成功')
  })

  it('filters by status and searches name, phone and member number', () => {
    const list = [anAttended(), aDoorEntry({ registrationId: '42', nickname: '阿明', phoneMasked: '139****0001', memberNo: 'M00000077' })]
    expect(filterEntries(list, 'waiting', '').map((e) => e.registrationId)).toEqual(['42'])
    expect(filterEntries(list, 'in', '').map((e) => e.registrationId)).toEqual(['41'])
    expect(filterEntries(list, 'all', 'm00000077').map((e) => e.registrationId)).toEqual(['42'])
  })
})
