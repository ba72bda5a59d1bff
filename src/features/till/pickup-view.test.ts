import type { TillPickupView } from '../../contract/till-pickups'
import { canHandOver, pickupStatusText, pickupUntilText } from './pickup-view'

const held: TillPickupView = {
  id: '1', code: 'P112345678901234567890', itemName: '马克杯', imageUrl: null, quantity: 1, points: 1000, status: 'held',
  createdAt: '2026-11-23T06:00:00.000Z', pickupExpiresAt: '2026-12-07T16:00:00.000Z', pickedUp: null, reason: null,
}

describe('till pick-up view', () => {
  it('hands over only a held pick-up with nothing against it; otherwise the reason, or who handed it over', () => {
    expect(canHandOver(held)).toBe(true)
    expect(pickupStatusText(held)).toBe('可交付')
    expect(canHandOver({ ...held, reason: '已过期' })).toBe(false)
    expect(pickupStatusText({ ...held, status: 'expired', reason: '已过期' })).toBe('已过期')
    expect(pickupStatusText({ ...held, status: 'picked_up', pickedUp: { at: '2026-11-23T06:02:00.000Z', staffName: '小王' } })).toBe('已交付 · 2026-11-23 14:02 · 小王')
  })

  it('names the last day: lapsing at 00:00:00 store time, the day before is the last (its 23:59:59 still counts)', () => {
    expect(pickupUntilText(held)).toBe('领取截止：2026-12-07')
    expect(pickupUntilText({ pickupExpiresAt: '2026-12-07T16:00:01.000Z' })).toBe('领取截止：2026-12-08')
    expect(pickupUntilText({ pickupExpiresAt: null })).toBeNull()
  })
})
