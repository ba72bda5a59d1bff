import { Image, Text, View } from '@tarojs/components'
import type { CardView } from '../../contract/card'
import { go, routes } from '../../services/nav'
import { countdownTitle, daysLeftText, formatCount } from './view-model'
import './PointsCountdown.scss'

/**
 * 「年底清零倒计时」 (November and December, for points ending this year): how many points go on which day, and
 * up to three mall items they can buy now; each opens its item page, and 去积分商城 the whole mall.
 */
export function PointsCountdown({ expiry }: { expiry: NonNullable<CardView['pointsExpiry']> }) {
  return (
    <View className="points-countdown" data-testid="points-countdown">
      <View className="points-countdown__head">
        <Text className="points-countdown__title" data-testid="points-countdown-title">
          {countdownTitle(expiry)}
        </Text>
        <Text className="points-countdown__days">{daysLeftText(expiry.daysLeft)}</Text>
      </View>
      {expiry.items.length > 0 && (
        <View className="points-countdown__items">
          {expiry.items.map((item) => (
            <View
              key={item.id}
              className="points-countdown__item"
              onClick={() => go(routes.mallItem, { id: item.id })}
              data-testid="points-countdown-item"
            >
              <View className="points-countdown__picture">
                {item.imageUrl ? <Image className="points-countdown__image" src={item.imageUrl} mode="aspectFill" /> : <Text>🎁</Text>}
              </View>
              <Text className="points-countdown__name">{item.name}</Text>
              <Text className="points-countdown__price">{formatCount(item.pointsPrice)} 分</Text>
            </View>
          ))}
        </View>
      )}
      <View className="points-countdown__mall" onClick={() => go(routes.mall)} data-testid="points-countdown-mall">
        <Text>去积分商城</Text>
        <Text className="points-countdown__arrow">›</Text>
      </View>
    </View>
  )
}
