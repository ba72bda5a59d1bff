import type { NotificationDraft } from './points-credited'

/**
 * 「兑换已过期」: a gift not picked up within the store's N days is released by the job and its points return.
 * Keyed by the redemption, so the job can run twice.
 */
export interface RedemptionExpiredFacts {
  redemptionId: number
  itemName: string
  /** Points returned (0 when the lots they came from have expired meanwhile). */
  pointsReturned: number
}

export function redemptionExpiredNotification(f: RedemptionExpiredFacts): NotificationDraft {
  const back = f.pointsReturned > 0 ? `，${f.pointsReturned} 积分已退回` : ''
  return {
    kind: 'mall_redemption_expired',
    dedupeKey: `mall_redemption_expired:${f.redemptionId}`,
    title: '兑换已过期',
    body: `您兑换的「${f.itemName}」超过领取期限未领取，兑换已取消${back}。`,
    payload: { title: '兑换已过期', item: f.itemName, points: f.pointsReturned },
  }
}
