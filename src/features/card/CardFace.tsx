import { Text, View } from '@tarojs/components'
import type { CardView } from '../../contract/card'
import { benefitText, displayMemberNo, formatCount, pointsExpiryLine, tierProgress, tierTheme } from './view-model'
import './CardFace.scss'

/** The card art: colours per tier, the numbers a member looks for, and progress to the next tier. */
export function CardFace({ card }: { card: CardView }) {
  const theme = tierTheme(card.tier.code)
  const progress = tierProgress(card)
  return (
    <View className={`card-face ${theme.className}`} style={{ background: theme.background, color: theme.textColor }}>
      <View className="card-face__top">
        <Text className="card-face__store">{card.storeName}</Text>
        <Text className="card-face__tier" data-testid="card-tier-name">
          {card.tier.name}
        </Text>
      </View>
      <View className="card-face__name-row">
        <Text className="card-face__nickname">{card.nickname}</Text>
        <Text className="card-face__no">
          NO. <Text data-testid="card-member-no">{displayMemberNo(card.memberNo)}</Text>
        </Text>
      </View>
      <View className="card-face__stats">
        <View className="card-face__stat">
          <Text className="card-face__stat-value" data-testid="card-points">
            {card.pointsBalance}
          </Text>
          <Text className="card-face__stat-label">积分</Text>
          {card.pointsExpiry && (
            <Text className="card-face__expiry" data-testid="card-points-expiry">
              {pointsExpiryLine(card.pointsExpiry)}
            </Text>
          )}
        </View>
        <View className="card-face__stat">
          <Text className="card-face__stat-value" data-testid="card-growth">
            {card.growth}
          </Text>
          <Text className="card-face__stat-label">成长值</Text>
        </View>
      </View>
      <View className="card-face__progress" data-testid="card-progress">
        <View className="card-face__bar">
          <View className="card-face__bar-fill" style={{ width: `${progress.percent}%` }} />
        </View>
        <View className="card-face__progress-row">
          <Text data-testid="card-progress-text">{progress.text}</Text>
          {!progress.isTop && card.nextTier && (
            <Text className="card-face__progress-goal">
              {formatCount(card.growth)}/{formatCount(card.nextTier.minGrowth)}
            </Text>
          )}
        </View>
      </View>
      <Text className="card-face__benefit" data-testid="card-benefit">
        {benefitText(card.tier)}
      </Text>
    </View>
  )
}
