import type { MallItemView, RedemptionView } from '../../contract/mall'
import { affordance, confirmText, expiringText, formatPickupCode, maxQuantity, pickupDeadlineText, redemptionNote, stockText, windowText } from './view-model'

const NOW = Date.parse('2026-11-23T06:00:00Z')

function item(over: Partial<MallItemView> = {}): MallItemView {
  return {
    id: '1', kind: 'gift', name: '马克杯', imageUrl: null, pointsPrice: 1500, stockLeft: 20, lowStock: false,
    redeemFrom: null, redeemUntil: null, minTier: null, perMemberLimit: null, limitPeriod: 'total', maxPerRedemption: 5,
    redeemedByMe: 0, state: 'redeemable', reason: null, shortBy: 0, spendToAffordFen: null, coupon: null, ...over,
  }
}

describe('mall view model', () => {
  it('says the expiring points and the stock', () => {
    expect(expiringText({ points: 1280, expiring: { points: 860, lastDay: '2026-12-31' }, pointsPerYuan: 1 })).toBe('860 分将于 2026-12-31 过期')
    expect(expiringText({ points: 1280, expiring: null, pointsPerYuan: 1 })).toBeNull()
    expect(stockText({ stockLeft: 3, lowStock: true })).toBe('仅剩 3 件')
    expect(stockText({ stockLeft: 0, lowStock: true })).toBe('已兑完')
    expect(stockText({ stockLeft: 30, lowStock: false })).toBeNull()
  })

  it('says the window in the store zone, the last moment just before redeemUntil', () => {
    expect(windowText(item({ state: 'not_started', reason: '12月1日 10:00 开兑' }), NOW)).toBe('12月1日 10:00 开兑')
    // 2026-12-31 16:00Z is 2027-01-01 00:00 in the store: the window's last moment is 2026-12-31 23:59(:59).
    expect(windowText(item({ redeemUntil: '2026-12-31T16:00:00.000Z' }), NOW)).toBe('兑换截止 12月31日 23:59')
    expect(windowText(item(), NOW)).toBeNull()
  })

  it('short of points: 差 X 分可兑, the progress and the spend, formatted', () => {
    const a = affordance(item({ state: 'insufficient', shortBy: 220, spendToAffordFen: 22000, reason: '差 220 分' }), 1280)
    expect(a).toEqual({ kind: 'short', shortText: '差 220 分可兑', percent: 85, spendText: '再消费 ¥220 即可兑换' })
    expect(affordance(item(), 1280)).toEqual({ kind: 'redeem' })
    expect(affordance(item({ state: 'tier_locked', reason: '仅限金卡' }), 1280)).toEqual({ kind: 'blocked', label: '仅限金卡' })
  })

  it('caps the quantity by the per-redemption max, the balance, the stock and the limit left', () => {
    expect(maxQuantity(item(), 10_000)).toBe(5)
    expect(maxQuantity(item(), 4_600)).toBe(3)
    expect(maxQuantity(item({ stockLeft: 2 }), 10_000)).toBe(2)
    expect(maxQuantity(item({ perMemberLimit: 3, redeemedByMe: 2 }), 10_000)).toBe(1)
    expect(maxQuantity(item({ perMemberLimit: 1, redeemedByMe: 1 }), 10_000)).toBe(0)
    expect(maxQuantity(item(), 1_499)).toBe(0)
  })

  it('asks to confirm with the total points', () => {
    expect(confirmText(item(), 1)).toBe('确认用 1,500 积分兑换 马克杯 ×1？')
    expect(confirmText(item(), 2)).toBe('确认用 3,000 积分兑换 马克杯 ×2？')
  })

  it('groups the pick-up code and names the last day at 23:59:59 / 00:00:00', () => {
    expect(formatPickupCode('P112345678901234567890')).toBe('P1 1234 5678 9012 3456 7890')
    // Lapses at 2026-12-02 00:00:00 store time (16:00Z the day before): the last day is 12-01.
    expect(pickupDeadlineText('2026-12-01T16:00:00.000Z')).toBe('请在 2026-12-01 前到店领取')
    // One second later it lapses at 00:00:01 on 12-02: 12-02 is still a pick-up day.
    expect(pickupDeadlineText('2026-12-01T16:00:01.000Z')).toBe('请在 2026-12-02 前到店领取')
  })

  it('notes a redemption by its status', () => {
    const base: RedemptionView = {
      id: '9', itemId: '1', kind: 'gift', itemName: '马克杯', imageUrl: null, quantity: 1, points: 1500, status: 'held',
      createdAt: '2026-11-23T06:00:00Z', pickupExpiresAt: '2026-12-01T16:00:00.000Z', pickedUpAt: null, closedAt: null,
      closeReason: null, pointsReturned: null, couponId: null, cancellable: true,
    }
    expect(redemptionNote(base)).toBe('请在 2026-12-01 前到店领取')
    expect(redemptionNote({ ...base, status: 'picked_up', pickedUpAt: '2026-11-23T06:02:00Z' })).toBe('已领取 · 2026-11-23 14:02')
    expect(redemptionNote({ ...base, status: 'cancelled', pointsReturned: 1500 })).toBe('1,500 积分已退回')
  })
})
