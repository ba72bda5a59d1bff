import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useMemo } from 'react'
import { EmptyBlock, OfflineBanner } from '../../components/state-view'
import { LoadError } from '../../features/coupons/LoadError'
import { useRetryWhenOnline } from '../../features/coupons/use-retry-when-online'
import { EventCard } from '../../features/events/EventCard'
import { useEvents } from '../../features/events/use-events'
import { LoginRequired } from '../../features/session/LoginRequired'
import { hasSession } from '../../services/api'
import { go, routes } from '../../services/nav'
import './index.scss'

/** Grey cards the shape of the events while the first load is on its way. */
function EventsSkeleton() {
  return (
    <View className="events-page__skeleton" data-testid="events-skeleton">
      {[0, 1].map((i) => (
        <View key={i} className="events-page__skeleton-item">
          <View className="events-page__skeleton-cover" />
          <View className="events-page__skeleton-line" />
          <View className="events-page__skeleton-line events-page__skeleton-line--short" />
        </View>
      ))}
    </View>
  )
}

/** 活动 (tab): the upcoming events, soonest first, each with seats or the waitlist and the caller's own state. */
export default function EventsPage() {
  const l = useEvents()
  // Every show: back from a sign-up or a cancel the seats and my state have changed.
  useDidShow(() => {
    if (hasSession()) void l.reload()
  })
  usePullDownRefresh(() => {
    void l.reload().finally(() => Promise.resolve(Taro.stopPullDownRefresh()).catch(() => undefined))
  })
  useRetryWhenOnline((l.status === 'error' && Boolean(l.error?.isOffline)) || l.offline, l.reload)
  const nowMs = useMemo(() => Date.now(), [l.events])

  if (!hasSession() || l.error?.code === 'UNAUTHENTICATED') {
    return (
      <View className="page events-page">
        <LoginRequired onDone={() => void l.reload()} />
      </View>
    )
  }
  return (
    <View className="page events-page">
      {l.offline && <OfflineBanner text="网络不可用，显示的是上次加载的活动，恢复后自动更新" />}
      <View className="events-page__link" onClick={() => go(routes.myRegistrations)} data-testid="events-mine-link">
        <Text>我的活动</Text>
        <Text className="events-page__arrow">›</Text>
      </View>
      {l.status === 'loading' && <EventsSkeleton />}
      {l.status === 'error' && <LoadError error={l.error} onRetry={() => void l.reload()} />}
      {l.status === 'ready' &&
        (l.events.length === 0 ? (
          <EmptyBlock title="暂无活动" description="新活动发布后会出现在这里" />
        ) : (
          <View className="events-page__list" data-testid="events-list">
            {l.events.map((e) => (
              <EventCard key={e.id} event={e} nowMs={nowMs} onOpen={() => go(routes.eventDetail, { id: e.id })} />
            ))}
          </View>
        ))}
    </View>
  )
}
