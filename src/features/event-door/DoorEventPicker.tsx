import { Text, View } from '@tarojs/components'
import { EmptyBlock, ErrorBlock, LoadingBlock, OfflineBanner } from '../../components/state-view'
import { doorCountsText, spanText, whenText } from './view-model'
import type { DoorList } from './use-door-list'
import './door.scss'

/** 选择活动: today's events and those whose check-in is open, soonest first. */
export function DoorEventPicker({ l }: { l: DoorList }) {
  if (l.eventsStatus === 'loading') return <LoadingBlock />
  if (l.eventsStatus === 'error') return <ErrorBlock message={l.error ?? '加载失败'} onRetry={() => void l.loadEvents()} />
  const events = l.events ?? []
  if (events.length === 0) return <EmptyBlock title="今天没有需要签到的活动" description="活动开始前 2 小时起可签到" />
  return (
    <View className="door-events">
      {l.offline && <OfflineBanner />}
      <Text className="door__label">选择要签到的活动</Text>
      {events.map((ev) => (
        <View key={ev.id} className="door-event" onClick={() => l.choose(ev.id)} data-testid={`door-event-${ev.id}`}>
          <View className="door-event__head">
            <Text className="door-event__title">{ev.title}</Text>
            <Text className={`door-event__badge${ev.checkInOpen ? ' door-event__badge--open' : ''}`}>{ev.checkInOpen ? '签到中' : `${whenText(ev.checkInOpensAt)} 起签到`}</Text>
          </View>
          <Text className="door-event__line">{`${spanText(ev.startsAt, ev.endsAt)} · ${ev.place}`}</Text>
          <Text className="door-event__line">{doorCountsText(ev)}</Text>
        </View>
      ))}
    </View>
  )
}
