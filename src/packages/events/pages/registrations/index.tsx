import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import { useMemo, type ReactNode } from 'react'
import { ListFooter } from '../../../../components/list-footer/ListFooter'
import { EmptyBlock, LoadingBlock } from '../../../../components/state-view'
import { TabStrip } from '../../../../components/tab-strip/TabStrip'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { REGISTRATION_TABS, type RegistrationTab, type RegistrationView } from '../../../../contract/events'
import { LoadError } from '../../../../features/coupons/LoadError'
import { useRetryWhenOnline } from '../../../../features/coupons/use-retry-when-online'
import { EventCover } from '../../../../features/events/EventCover'
import { useRegistrations } from '../../../../features/events/use-registrations'
import { eventBanner, eventTimeText, registrationLabel, registrationNote } from '../../../../features/events/view-model'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { hasSession } from '../../../../services/api'
import { go, routes } from '../../../../services/nav'
import './index.scss'

const TAB_LABELS: Record<RegistrationTab, string> = { upcoming: '已报名', waitlist: '候补中', past: '已结束', cancelled: '已取消' }
const EMPTY: Record<RegistrationTab, string> = { upcoming: '还没有报名的活动', waitlist: '没有候补中的活动', past: '还没有参加过的活动', cancelled: '没有取消的报名' }

function Row({ r, nowMs }: { r: RegistrationView; nowMs: number }) {
  const note = registrationNote(r, Date.now())
  // A changed time or place matters only while the event is still ahead; a cancelled event always.
  const banner = eventBanner(r.eventCancelled, r.status === 'registered' || r.status === 'waitlisted' ? r.eventChangedAt : null)
  return (
    <View className="registration-row" onClick={() => go(routes.registration, { id: r.id })} data-testid="registration-row">
      {banner && (
        <Text className="registration-row__banner" data-testid="registration-banner">
          {banner}
        </Text>
      )}
      <View className="registration-row__main">
        <EventCover url={r.coverUrl} className="registration-row__cover" />
        <View className="registration-row__body">
          <View className="registration-row__head">
            <Text className="registration-row__title">{r.eventTitle}</Text>
            <Text className={`registration-row__status registration-row__status--${r.status}`} data-testid="registration-status">
              {registrationLabel(r, Date.now())}
            </Text>
          </View>
          <Text className="registration-row__line">{eventTimeText(r.startsAt, r.endsAt, nowMs)}</Text>
          <Text className="registration-row__line registration-row__place">{r.place}</Text>
          {note && (
            <Text className="registration-row__note" data-testid="registration-note">
              {note}
            </Text>
          )}
        </View>
      </View>
    </View>
  )
}

/** 我的活动: 已报名 (each one tap from its ticket) / 候补中 (with the place) / 已结束 / 已取消, a page at a time. */
export default function RegistrationsPage() {
  const l = useRegistrations()
  // Every show: back from a cancelled registration it has moved to 已取消.
  useDidShow(() => {
    if (hasSession()) void l.reload()
  })
  useReachBottom(() => void l.loadMore())
  useRetryWhenOnline(l.status === 'error' && Boolean(l.error?.isOffline), l.reload)
  const nowMs = useMemo(() => Date.now(), [l.registrations])

  const frame = (body: ReactNode) => (
    <View className="page registrations-page">
      <SubPageNav title="我的活动" fallback={routes.events} />
      {body}
    </View>
  )
  if (!hasSession() || l.error?.code === 'UNAUTHENTICATED') return frame(<LoginRequired onDone={() => void l.reload()} />)

  let body: ReactNode
  if (l.status === 'loading') body = <LoadingBlock />
  else if (l.status === 'error') body = <LoadError error={l.error} onRetry={() => void l.reload()} />
  else if (l.registrations.length === 0) {
    body = (
      <EmptyBlock title={EMPTY[l.tab]} description="在「活动」里报名感兴趣的活动">
        <Button type="primary" size="small" onClick={() => go(routes.events)} data-testid="registrations-empty-events">
          去看看活动
        </Button>
      </EmptyBlock>
    )
  } else {
    body = (
      <>
        <View data-testid="registration-list">
          {l.registrations.map((r) => (
            <Row key={r.id} r={r} nowMs={nowMs} />
          ))}
        </View>
        <ListFooter hasMore={l.hasMore} loadingMore={l.loadingMore} moreError={l.moreError} onLoadMore={() => void l.loadMore()} testId="registrations-load-more" />
      </>
    )
  }
  return frame(
    <>
      <TabStrip tabs={REGISTRATION_TABS} current={l.tab} title={(tab) => TAB_LABELS[tab]} onChange={(tab) => void l.load(tab)} testId="registration" className="registrations-page__tabs" />
      {body}
    </>,
  )
}
