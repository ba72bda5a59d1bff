import { audienceText, countsText, spendText, starsText, statusBadge, whenText } from './view-model'

describe('console event labels', () => {
  it('badges each status: 草稿, 定时 with the store time, 已发布, 已结束, 已取消', () => {
    expect(statusBadge({ status: 'draft', phase: 'upcoming', publishAt: null }).text).toBe('草稿')
    // 02:00Z is 10:00 in the store (UTC+8), whatever the test machine's zone.
    expect(statusBadge({ status: 'scheduled', phase: 'upcoming', publishAt: '2026-12-01T02:00:00.000Z' }).text).toBe('定时 12月1日 10:00 发布')
    expect(statusBadge({ status: 'scheduled', phase: 'upcoming', publishAt: '2026-12-01 10:00' }).text).toBe('定时 12月1日 10:00 发布')
    expect(statusBadge({ status: 'published', phase: 'upcoming', publishAt: null }).text).toBe('已发布')
    expect(statusBadge({ status: 'published', phase: 'ended', publishAt: null }).text).toBe('已结束')
    expect(statusBadge({ status: 'cancelled', phase: 'upcoming', publishAt: null })).toEqual({ text: '已取消', tone: 'cancelled' })
  })

  it('shows an instant at 15:59Z as the next store day 23:59, and 16:00Z as 00:00', () => {
    expect(whenText('2026-11-30T15:59:00.000Z')).toBe('11月30日 23:59')
    expect(whenText('2026-11-30T16:00:00.000Z')).toBe('12月1日 00:00')
  })

  it('counts, audience, stars and the spend line read as the manager expects', () => {
    expect(countsText({ registeredCount: 12, capacity: 20, waitlistCount: 3, attendedCount: 5 })).toBe('已报名 12/20 · 候补 3 · 已签到 5')
    expect(audienceText({ audience: 120, wechatReachable: 45 })).toBe('将通知 120 位会员（其中 45 位可收到微信消息）')
    expect(starsText(4.3)).toBe('★★★★☆')
    expect(starsText(4.6)).toBe('★★★★★')
    expect(spendText({ spendAfterFen: 123450, spendAfterMembers: 8, spendWindowClosed: true })).toBe('活动后 30 天到店消费 ¥1,234.50（8 人）')
    expect(spendText({ spendAfterFen: 0, spendAfterMembers: 0, spendWindowClosed: false })).toBe('活动后 30 天到店消费 ¥0.00（0 人） · 统计中')
  })
})
