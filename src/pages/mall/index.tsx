import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useMemo } from 'react'
import { EmptyBlock, OfflineBanner } from '../../components/state-view'
import { LoadError } from '../../features/coupons/LoadError'
import { useRetryWhenOnline } from '../../features/coupons/use-retry-when-online'
import { MallItemCard } from '../../features/mall/MallItemCard'
import { useMall } from '../../features/mall/use-mall'
import { expiringText, pointsText } from '../../features/mall/view-model'
import { LoginRequired } from '../../features/session/LoginRequired'
import { hasSession } from '../../services/api'
import { go, routes } from '../../services/nav'
import './index.scss'

/** Grey cards the shape of the items while the first load is on its way. */
function MallSkeleton() {
  return (
    <View className="mall-page__skeleton" data-testid="mall-skeleton">
      {[0, 1, 2].map((i) => (
        <View key={i} className="mall-page__skeleton-item">
          <View className="mall-page__skeleton-picture" />
          <View className="mall-page__skeleton-lines">
            <View className="mall-page__skeleton-line" />
            <View className="mall-page__skeleton-line mall-page__skeleton-line--short" />
          </View>
        </View>
      ))}
    </View>
  )
}

/** 积分商城 (tab): the usable balance and what expires soonest, then the items with their state for the member. */
export default function MallPage() {
  const m = useMall()
  // Every show: back from a redemption the balance and the stock have changed.
  useDidShow(() => {
    if (hasSession()) void m.reload()
  })
  usePullDownRefresh(() => {
    void m.reload().finally(() => Promise.resolve(Taro.stopPullDownRefresh()).catch(() => undefined))
  })
  useRetryWhenOnline((m.status === 'error' && Boolean(m.error?.isOffline)) || m.offline, m.reload)
  const nowMs = useMemo(() => Date.now(), [m.items])

  if (!hasSession() || m.error?.code === 'UNAUTHENTICATED') {
    return (
      <View className="page mall-page">
        <LoginRequired onDone={() => void m.reload()} />
      </View>
    )
  }
  const myRedemptions = (
    <View className="mall-page__link" onClick={() => go(routes.redemptions)} data-testid="mall-redemptions-link">
      <Text>我的兑换</Text>
      <Text className="mall-page__arrow">›</Text>
    </View>
  )
  const expiring = m.balance ? expiringText(m.balance) : null
  return (
    <View className="page mall-page">
      {m.offline && <OfflineBanner text="网络不可用，显示的是上次加载的商品，恢复后自动更新" />}
      {m.status === 'loading' && <MallSkeleton />}
      {m.status === 'error' && <LoadError error={m.error} onRetry={() => void m.reload()} />}
      {m.status === 'ready' && m.balance && (
        <>
          <View className="mall-page__balance" data-testid="mall-balance">
            <View className="mall-page__balance-main">
              <Text className="mall-page__balance-label">可用积分</Text>
              <Text className="mall-page__balance-points" data-testid="mall-balance-points">
                {pointsText(m.balance.points)}
              </Text>
            </View>
            {expiring && (
              <Text className="mall-page__expiring" data-testid="mall-expiring">
                {expiring}
              </Text>
            )}
          </View>
          {myRedemptions}
          {m.items.length === 0 ? (
            <EmptyBlock title="暂无可兑换的商品" description="新的礼品上架后会出现在这里" />
          ) : (
            <View className="mall-page__list" data-testid="mall-list">
              {m.items.map((item) => (
                <MallItemCard key={item.id} item={item} balancePoints={m.balance!.points} nowMs={nowMs} onOpen={() => go(routes.mallItem, { id: item.id })} />
              ))}
            </View>
          )}
        </>
      )}
    </View>
  )
}
