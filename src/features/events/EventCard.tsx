import { Text, View } from '@tarojs/components'
import type { EventCardView } from '../../contract/events'
import { EventCover } from './EventCover'
import { eventTimeText, myStateText, pointsRuleTexts, seatsText, tierBadgeText } from './view-model'
import './EventCard.scss'

interface Props {
  event: EventCardView
  nowMs: number
  onOpen: () => void
}

/** One event on the 活动 tab: cover, title, time, place, seats or the waitlist, its rules, and the caller's state. */
export function EventCard({ event: e, nowMs, onOpen }: Props) {
  const mine = myStateText(e.myRegistration)
  const tier = tierBadgeText(e)
  const full = e.seatsLeft <= 0
  const over = e.signupState === 'ended' || e.signupState === 'cancelled' || e.signupState === 'closed'
  return (
    <View className={`event-card${over && !mine ? ' event-card--greyed' : ''}`} onClick={onOpen} data-testid="event-card">
      <View className="event-card__cover-box">
        <EventCover url={e.coverUrl} className="event-card__cover" />
        {mine && (
          <Text className={`event-card__mine event-card__mine--${e.myRegistration?.status}`} data-testid="event-card-mine">
            {mine}
          </Text>
        )}
      </View>
      <View className="event-card__body">
        <Text className="event-card__title" data-testid="event-card-title">
          {e.title}
        </Text>
        <Text className="event-card__line" data-testid="event-card-time">
          {eventTimeText(e.startsAt, e.endsAt, nowMs)}
        </Text>
        <Text className="event-card__line event-card__place">{e.place}</Text>
        <View className="event-card__tags">
          <Text className={`event-card__tag${full ? ' event-card__tag--warn' : ' event-card__tag--ok'}`} data-testid="event-card-seats">
            {seatsText(e)}
          </Text>
          {tier && (
            <Text className="event-card__tag event-card__tag--tier" data-testid="event-card-tier">
              {tier}
            </Text>
          )}
          {pointsRuleTexts(e).map((t) => (
            <Text key={t} className="event-card__tag" data-testid="event-card-points">
              {t}
            </Text>
          ))}
        </View>
        {/* Why not yet or not any more (12月1日 10:00 开始报名 / 报名已截止 / 活动已取消), in the server's words. */}
        {!mine && e.signupState !== 'open' && e.signupState !== 'waitlist' && (
          <Text className="event-card__state" data-testid="event-card-state">
            {e.reason ?? (e.signupState === 'cancelled' ? '活动已取消' : '')}
          </Text>
        )}
      </View>
    </View>
  )
}
