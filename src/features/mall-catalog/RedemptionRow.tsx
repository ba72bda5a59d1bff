import { Text, View } from '@tarojs/components'
import type { AdminRedemptionView } from '../../contract/mall-items'
import { REDEMPTION_STATUS_LABELS, timeText } from './labels'
import './mall-console.scss'

/** One redemption in 兑换记录: what, who (masked), when, its state and what became of it. */
export function RedemptionRow({ r }: { r: AdminRedemptionView }) {
  return (
    <View className="mall-record" data-testid={`mall-record-${r.id}`}>
      <View className="mall-record__head">
        <Text className="mall-record__name">
          {r.itemName} × {r.quantity}
        </Text>
        <Text className={`mall-record__status mall-record__status--${r.status}`} data-testid={`mall-record-status-${r.id}`}>
          {REDEMPTION_STATUS_LABELS[r.status]}
        </Text>
      </View>
      <Text className="mall-record__line">
        {r.member.nickname} · {r.member.phoneMasked} · 卡号 {r.member.memberNo}
      </Text>
      <Text className="mall-record__line">
        {timeText(r.createdAt)} 兑换 · {r.points} 积分
      </Text>
      {r.pickedUp && (
        <Text className="mall-record__line">
          {timeText(r.pickedUp.at)} 由 {r.pickedUp.staffName} 核销
        </Text>
      )}
      {r.status === 'held' && r.pickupExpiresAt && <Text className="mall-record__line">请在 {timeText(r.pickupExpiresAt)} 前到店领取</Text>}
      {r.closedAt && (
        <Text className="mall-record__line">
          {timeText(r.closedAt)} {r.closeReason ?? ''}
          {r.pointsReturned ? ` · 退回 ${r.pointsReturned} 积分` : ''}
        </Text>
      )}
    </View>
  )
}
