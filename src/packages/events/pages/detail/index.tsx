import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { useMemo, type ReactNode } from 'react'
import { LoadingBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { LoadError } from '../../../../features/coupons/LoadError'
import { useRetryWhenOnline } from '../../../../features/coupons/use-retry-when-online'
import { EventCover } from '../../../../features/events/EventCover'
import { EventRules } from '../../../../features/events/EventRules'
import { SignupBar } from '../../../../features/events/SignupBar'
import { useEvent } from '../../../../features/events/use-event'
import { eventBanner, eventTimeText, myStateText, pointsText, seatsText } from '../../../../features/events/view-model'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { hasSession } from '../../../../services/api'
import { routes } from '../../../../services/nav'
import './index.scss'

/**
 * An event: cover, time and place, what it is, seats or the waitlist, its rules, a banner when it changed or was
 * cancelled, and one button that follows the server's answer for the caller (报名 / 候补 / why not / my ticket).
 */
export default function EventDetailPage() {
  const d = useEvent()
  useLoad((params?: Record<string, string>) => {
    const id = params?.id ?? Taro.getCurrentInstance().router?.params?.id ?? ''
    if (hasSession()) void d.load(decodeURIComponent(id))
  })
  // Back from my registration (cancelled there): the button and the seats follow.
  useDidShow(() => {
    if (hasSession() && d.event) void d.load()
  })
  useRetryWhenOnline(d.status === 'error' && Boolean(d.error?.isOffline), d.load)
  const nowMs = useMemo(() => Date.now(), [d.event])

  const frame = (body: ReactNode) => (
    <View className="page event-page">
      <SubPageNav title="活动详情" fallback={routes.events} />
      {body}
    </View>
  )
  if (!hasSession() || d.error?.code === 'UNAUTHENTICATED') return frame(<LoginRequired onDone={() => void d.load()} />)
  if (d.status === 'loading') return frame(<LoadingBlock />)
  if (d.status === 'error' || !d.event) return frame(<LoadError error={d.error} onRetry={() => void d.load()} />)

  const e = d.event
  const banner = eventBanner(e.signupState === 'cancelled', e.changedAt)
  const mine = myStateText(e.myRegistration)
  return frame(
    <View className="event-page__body">
      {banner && (
        <Text className="event-page__banner" data-testid="event-banner">
          {banner}
        </Text>
      )}
      <EventCover url={e.coverUrl} className="event-page__cover" />
      <View className="event-page__panel">
        <Text className="event-page__title" data-testid="event-title">
          {e.title}
        </Text>
        <Text className="event-page__line" data-testid="event-time">{`时间：${eventTimeText(e.startsAt, e.endsAt, nowMs)}`}</Text>
        <Text className="event-page__line" data-testid="event-place">{`地点：${e.place}`}</Text>
        <Text className="event-page__line" data-testid="event-seats">{`名额：${e.capacity} 人 · ${seatsText(e)}`}</Text>
        {mine && (
          <Text className="event-page__mine" data-testid="event-mine-state">
            {`我的状态：${mine}`}
          </Text>
        )}
        {d.pointsBalance !== null && e.pointsCost > 0 && <Text className="event-page__line">{`可用积分 ${pointsText(d.pointsBalance)}`}</Text>}
      </View>
      {e.description && (
        <View className="event-page__panel">
          <Text className="event-page__heading">活动介绍</Text>
          <Text className="event-page__description">{e.description}</Text>
        </View>
      )}
      <EventRules event={e} />
      {d.refusal && (
        <Text className="event-page__refusal" data-testid="event-refusal">
          {d.refusal}
        </Text>
      )}
      <SignupBar event={e} signing={d.signing} onSignUp={d.signUp} />
    </View>,
  )
}
