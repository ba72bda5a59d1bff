import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { EVENT_ADMIN_TABS } from '../../../../contract/event-publishing'
import { EmptyBlock, ErrorBlock, LoadingBlock, OfflineBanner } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { EventAdminCard } from '../../../../features/event-publishing/EventAdminCard'
import { useEventAdminList } from '../../../../features/event-publishing/use-event-admin-list'
import { TAB_LABELS } from '../../../../features/event-publishing/view-model'
import { useLoadOnShow } from '../../../../features/common/use-load-on-show'
import { ManagerGate } from '../../../../features/session/ManagerGate'
import { go, routes } from '../../../../services/nav'
import '../../../../features/event-publishing/event-console.scss'

/** 活动管理 (managers): the events by tab with their status and counts; 新建活动; tap to edit; 报名与数据. */
export default function EventsPage() {
  return (
    <View className="page">
      <SubPageNav title="活动管理" fallback={routes.me} />
      <ManagerGate what="活动管理">{() => <EventList />}</ManagerGate>
    </View>
  )
}

function EventList() {
  const l = useEventAdminList()
  useLoadOnShow(() => l.load())
  return (
    <View className="event-list">
      <View className="event-list__tabs" data-testid="event-tabs">
        {EVENT_ADMIN_TABS.map((tab) => (
          <Text key={tab} className={`event-list__tab${tab === l.tab ? ' event-list__tab--on' : ''}`} onClick={() => void l.load(tab)} data-testid={`event-tab-${tab}`}>
            {TAB_LABELS[tab]}
          </Text>
        ))}
      </View>
      <View className="event-list__head">
        <Button type="primary" onClick={() => go(routes.consoleEvent)} data-testid="event-new">
          新建活动
        </Button>
      </View>
      {l.offline && <OfflineBanner />}
      {l.error && l.status === 'ready' && !l.offline && (
        <View className="event-list__error" data-testid="event-list-error">
          <Text>{l.error}</Text>
        </View>
      )}
      {l.status === 'loading' && <LoadingBlock />}
      {l.status === 'error' && <ErrorBlock message={l.error ?? '加载失败'} onRetry={() => void l.load()} />}
      {l.status === 'ready' && l.events.length === 0 && <EmptyBlock title={`没有${TAB_LABELS[l.tab]}的活动`} description="新建活动，发布后会员可在「活动」页报名" />}
      {l.status === 'ready' && l.events.map((e) => <EventAdminCard key={e.id} event={e} />)}
    </View>
  )
}
