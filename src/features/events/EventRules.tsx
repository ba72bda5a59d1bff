import { Text, View } from '@tarojs/components'
import type { EventDetailView } from '../../contract/events'
import { cancelRuleText, checkInWindowText, earlyAccessText, momentText, pointsText, tierBadgeText } from './view-model'

/** 报名须知: who may sign up and from when, what it costs and earns, and until when it can be cancelled. */
export function EventRules({ event: e }: { event: EventDetailView }) {
  const tier = tierBadgeText(e)
  const rules = [
    tier ? `${tier}会员可报名` : '所有会员可报名',
    earlyAccessText(e),
    `报名时间：${momentText(e.signupFrom)} – ${momentText(e.signupUntil)}`,
    e.pointsCost > 0 ? `报名需 ${pointsText(e.pointsCost)} 积分（取消报名可退回，候补不扣积分）` : '免费报名',
    e.rewardPoints > 0 ? `到场签到得 ${pointsText(e.rewardPoints)} 积分` : null,
    cancelRuleText(e),
    checkInWindowText(e.startsAt),
  ].filter((r): r is string => Boolean(r))
  return (
    <View className="event-page__panel" data-testid="event-rules">
      <Text className="event-page__heading">报名须知</Text>
      {rules.map((r) => (
        <Text key={r} className="event-page__rule">
          {r}
        </Text>
      ))}
    </View>
  )
}
