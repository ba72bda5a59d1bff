import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useLoad, useReachBottom } from '@tarojs/taro'
import { useMemo } from 'react'
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { NotificationRow } from '../../../../features/notifications/NotificationRow'
import { useNotifications } from '../../../../features/notifications/use-notifications'
import { useSubscribe } from '../../../../features/notifications/use-subscribe'
import { backOr, go, routes } from '../../../../services/nav'
import './index.scss'
import { ListFooter } from '../../../../components/list-footer/ListFooter'

/** 订阅到账通知 on WeChat; in the browser, why there is none. */
function SubscribeBar({ s }: { s: ReturnType<typeof useSubscribe> }) {
  if (!s.available) {
    return (
      <View className="notifications-page__subscribe" data-testid="subscribe-h5">
        <Text className="notifications-page__subscribe-hint">微信服务通知：仅在微信中可订阅</Text>
      </View>
    )
  }
  if (s.templates.length === 0) return null
  const remaining = s.templates[0].remaining
  return (
    <View className="notifications-page__subscribe">
      <Text className="notifications-page__subscribe-hint">
        {remaining > 0 ? `还可收到 ${remaining} 次微信到账通知` : '订阅后，积分到账时微信会通知您（每次订阅通知一次）'}
      </Text>
      <Button size="small" type="primary" loading={s.saving} onClick={s.subscribe} data-testid="subscribe-button">
        订阅到账通知
      </Button>
    </View>
  )
}

/** 消息: every notification for the member (积分到账 …), newest first; opening it marks them read. */
export default function NotificationsPage() {
  const n = useNotifications()
  const s = useSubscribe()
  useLoad(() => {
    void n.reload()
    void s.load()
  })
  useReachBottom(() => void n.loadMore())
  const nowMs = useMemo(() => Date.now(), [n.items])
  const back = (
    <View className="notifications-page__back" onClick={() => backOr(routes.me)} data-testid="notifications-back">
      <Text>返回我的</Text>
    </View>
  )

  // The H5 back bar (WeChat draws its own) on every state, loading included: a slow network is no dead end.
  const nav = <SubPageNav title="消息" fallback={routes.me} />
  if (n.status === 'loading') {
    return (
      <View className="page notifications-page">
        {nav}
        <LoadingBlock />
      </View>
    )
  }
  if (n.status === 'error') {
    const notMember = n.error?.code === 'NOT_A_MEMBER'
    return (
      <View className="page notifications-page">
        {nav}
        <ErrorBlock
          message={n.error?.message ?? '加载失败'}
          retryText={notMember ? '去开卡' : '重试'}
          onRetry={() => (notMember ? go(routes.openCard) : void n.reload())}
        />
        {back}
      </View>
    )
  }
  return (
    <View className="page notifications-page">
      {nav}
      <SubscribeBar s={s} />
      {n.items.length === 0 ? (
        <EmptyBlock title="暂无消息" description="积分到账等通知会显示在这里" />
      ) : (
        <>
          <View className="notifications-page__list" data-testid="notification-list">
            {n.items.map((item) => (
              <NotificationRow key={item.id} item={item} nowMs={nowMs} />
            ))}
          </View>
          <ListFooter hasMore={n.hasMore} loadingMore={n.loadingMore} moreError={n.moreError} onLoadMore={() => void n.loadMore()} testId="notifications-load-more" />
        </>
      )}
      {back}
    </View>
  )
}
