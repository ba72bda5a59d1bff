import { formatLedgerTime, reasonLabel, signedPoints } from './view-model'

describe('ledger view-model', () => {
  it('names every reason in Chinese', () => {
    expect(
      (['earn', 'redeem', 'refund', 'expire', 'birthday', 'referral', 'event', 'adjust'] as const).map(reasonLabel),
    ).toEqual(['消费积分', '积分兑换', '退款', '积分过期', '生日礼', '推荐奖励', '活动', '调整'])
  })

  it('signs amounts', () => {
    expect(signedPoints(128)).toBe('+128')
    expect(signedPoints(-50)).toBe('-50')
    expect(signedPoints(0)).toBe('0')
  })

  describe('formatLedgerTime in the store zone (UTC+8), whatever the machine zone', () => {
    const now = Date.parse('2026-03-08T06:30:00.000Z') // 14:30 on 8 March in Shanghai
    it.each([
      ['2026-03-08T06:29:40.000Z', '刚刚'],
      ['2026-03-08T06:25:00.000Z', '5 分钟前'],
      ['2026-03-08T01:03:00.000Z', '今天 09:03'],
      // 23:50 on 7 March in Shanghai is "yesterday" even though it is the same UTC day as now.
      ['2026-03-07T15:50:00.000Z', '昨天 23:50'],
      // 00:10 on 8 March in Shanghai is still the previous UTC day: "today" in the store.
      ['2026-03-07T16:10:00.000Z', '今天 00:10'],
      ['2026-01-31T16:00:00.000Z', '02-01 00:00'],
      ['2025-12-31T15:59:00.000Z', '2025-12-31 23:59'],
    ])('%s → %s', (iso, text) => expect(formatLedgerTime(iso, now)).toBe(text))

    it('returns empty text for a bad time rather than "Invalid Date"', () => {
      expect(formatLedgerTime('not a time', now)).toBe('')
    })
  })
})
