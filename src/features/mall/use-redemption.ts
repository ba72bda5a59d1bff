import type { RedemptionView } from '../../contract/mall'
import { callApi } from '../../services/api'
import { useCodeRecord } from '../common/use-code-record'
import { pointsText } from './view-model'

/**
 * One of the member's redemptions. While a gift is held its pick-up code shows as a QR at full brightness, like
 * the member code and a coupon's code; 取消兑换 returns the points (the server does it once, whatever the taps).
 */
export function useRedemption(visible: boolean) {
  const d = useCodeRecord<RedemptionView, { pointsReturned: number; pointsBalance: number }>(
    {
      fetch: async (redemptionId) => (await callApi('getMyRedemption', { redemptionId })).redemption,
      cancel: async (redemptionId) => {
        const out = await callApi('cancelMyRedemption', { redemptionId })
        return { record: out.redemption, done: { pointsReturned: out.redemption.pointsReturned ?? 0, pointsBalance: out.pointsBalance } }
      },
      cancelledText: (done) => `已取消，${pointsText(done.pointsReturned)} 积分已退回`,
      codeOf: (r) => (r.status === 'held' && r.pickupCode ? r.pickupCode : null),
      brightFor: () => true,
    },
    visible,
  )
  return { ...d, redemption: d.record }
}
