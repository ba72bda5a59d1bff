import { formatNotificationTime, newRequestId, unreadHint } from './view-model'

describe('notification view-model', () => {
  const now = Date.parse('2025-03-08T06:03:00.000Z') // 14:03 in the store

  it('shows times in the store zone, relative when recent', () => {
    expect(formatNotificationTime('2025-03-08T06:02:40.000Z', now)).toBe('刚刚')
    expect(formatNotificationTime('2025-03-08T05:58:00.000Z', now)).toBe('5 分钟前')
    expect(formatNotificationTime('2025-03-07T16:00:00.000Z', now)).toBe('今天 00:00')
    expect(formatNotificationTime('2025-03-07T15:59:59.000Z', now)).toBe('昨天 23:59')
    expect(formatNotificationTime('2024-12-31T15:59:00.000Z', now)).toBe('2024-12-31 23:59')
  })

  it('says how many are unread, capped', () => {
    expect(unreadHint(0)).toBeUndefined()
    expect(unreadHint(3)).toBe('3 条未读')
    expect(unreadHint(120)).toBe('99+ 条未读')
  })

  it('makes a request id that fits the contract', () => {
    const id = newRequestId()
    expect(id.length).toBeLessThanOrEqual(64)
    expect(newRequestId()).not.toBe(id)
  })
})
