import { formatStoreMonthDayTime } from './store-time'

describe('formatStoreMonthDayTime: the store\'s clock (UTC+8), whatever the phone\'s zone', () => {
  it('puts 23:59 and 00:00 store time on their own days', () => {
    expect(formatStoreMonthDayTime('2026-11-30T15:59:00.000Z')).toBe('11月30日 23:59')
    expect(formatStoreMonthDayTime('2026-11-30T16:00:00.000Z')).toBe('12月1日 00:00')
  })

  it('answers nothing for an unreadable time', () => {
    expect(formatStoreMonthDayTime('not a time')).toBe('')
  })
})
