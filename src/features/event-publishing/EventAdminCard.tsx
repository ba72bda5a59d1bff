import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AdminEventView } from '../../contract/event-publishing'
import { go, routes } from '../../services/nav'
import { countsText, spanText, statusBadge } from './view-model'
import './event-console.scss'

/** One event in 活动管理: cover, title, time and place, status badge, the counts; tap → editor; 数据 → results. */
export function EventAdminCard({ event: e }: { event: AdminEventView }) {
  const badge = statusBadge(e)
  return (
    <View className="event-card" data-testid={`event-card-${e.id}`}>
      <View className="event-card__body" onClick={() => go(routes.consoleEvent, { id: e.id })} data-testid={`event-open-${e.id}`}>
        {e.coverUrl ? (
          <Image className="event-card__cover" src={e.coverUrl} mode="aspectFill" data-testid={`event-cover-${e.id}`} />
        ) : (
          <View className="event-card__cover event-card__cover--none">
            <Text>活动</Text>
          </View>
        )}
        <View className="event-card__info">
          <View className="event-card__head">
            <Text className="event-card__title">{e.title}</Text>
            <Text className={`event-badge event-badge--${badge.tone}`} data-testid={`event-badge-${e.id}`}>
              {badge.text}
            </Text>
          </View>
          <Text className="event-card__line">{spanText(e.startsAt, e.endsAt)}</Text>
          <Text className="event-card__line">{e.place}</Text>
          <Text className="event-card__line" data-testid={`event-counts-${e.id}`}>
            {countsText(e)}
          </Text>
        </View>
      </View>
      {e.status !== 'draft' && (
        <View className="event-card__actions">
          <Button size="small" fill="none" onClick={() => go(routes.consoleEventResults, { id: e.id })} data-testid={`event-results-${e.id}`}>
            报名与数据
          </Button>
        </View>
      )}
    </View>
  )
}
