import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PickupConfirm } from './PickupStep'
import { pickupTitle, pickupUntilText } from './pickup-view'
import type { Till } from './use-till'
import './TillPanels.scss'

/**
 * The looked-up member's gifts waiting to be picked up ("待领取 2 件"), each handed over with 交付 (a confirm, then
 * staffConfirmPickup with that pick-up's code), without the member having to open their pick-up code.
 */
export function MemberPickups({ t }: { t: Till }) {
  const held = t.pickups
  const just = t.delivered
  if (held.length === 0 && !just) return null
  const asked = t.confirm === 'pickup' ? held.find((p) => p.code === t.pickupCode) ?? null : null
  return (
    <View className="till-pickups" data-testid="till-pickups">
      <Text className="till-pickups__title" data-testid="till-pickups-count">
        {held.length > 0 ? `待领取 ${held.reduce((n, p) => n + p.quantity, 0)} 件` : '待领取礼品已全部交付'}
      </Text>
      {just && (
        <Text className="till-pickups__done" data-testid="till-pickup-done">
          {`已交付：${pickupTitle(just.pickup)}`}
        </Text>
      )}
      {held.map((p) => (
        <View key={p.id} className="till-pickups__row" data-testid={`till-pickup-${p.id}`}>
          <View className="till-pickups__body">
            <Text className="till-pickups__name">{pickupTitle(p)}</Text>
            <Text className="till-pickups__meta">{[`${p.points} 积分`, pickupUntilText(p)].filter(Boolean).join(' · ')}</Text>
          </View>
          <Button size="small" type="primary" disabled={t.busy !== null} onClick={() => t.askPickup(p.code)} data-testid={`till-pickup-${p.id}-give`}>
            {t.pickupCode === p.code && t.pickupRequestId ? '重试交付' : '交付'}
          </Button>
        </View>
      ))}
      {asked && <PickupConfirm t={t} title={`确认交付 ${pickupTitle(asked)}？`} />}
    </View>
  )
}
