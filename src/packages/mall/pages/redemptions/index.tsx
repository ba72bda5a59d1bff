import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import type { ReactNode } from 'react'
import { EmptyBlock, LoadingBlock } from '../../../../components/state-view'
import { TabStrip } from '../../../../components/tab-strip/TabStrip'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { REDEMPTION_TABS, type RedemptionTab, type RedemptionView } from '../../../../contract/mall'
import { LoadError } from '../../../../features/coupons/LoadError'
import { useRetryWhenOnline } from '../../../../features/coupons/use-retry-when-online'
import { MallPicture } from '../../../../features/mall/MallItemCard'
import { useRedemptions } from '../../../../features/mall/use-redemptions'
import { pointsText, redemptionNote, STATUS_LABELS } from '../../../../features/mall/view-model'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { hasSession } from '../../../../services/api'
import { go, routes } from '../../../../services/nav'
import './index.scss'
import { ListFooter } from '../../../../components/list-footer/ListFooter'

const TAB_LABELS: Record<RedemptionTab, string> = { held: '待领取', done: '已完成', closed: '已取消' }
const EMPTY: Record<RedemptionTab, string> = { held: '没有待领取的礼品', done: '还没有完成的兑换', closed: '没有取消或过期的兑换' }

function Row({ r }: { r: RedemptionView }) {
  const note = redemptionNote(r)
  return (
    <View className="redemption-row" onClick={() => go(routes.redemption, { id: r.id })} data-testid="redemption-row">
      <MallPicture url={r.imageUrl} className="redemption-row__picture" />
      <View className="redemption-row__body">
        <View className="redemption-row__head">
          <Text className="redemption-row__name">{`${r.itemName} ×${r.quantity}`}</Text>
          <Text className={`redemption-row__status redemption-row__status--${r.status}`} data-testid="redemption-status">
            {STATUS_LABELS[r.status]}
          </Text>
        </View>
        <Text className="redemption-row__points">{`${pointsText(r.points)} 积分`}</Text>
        {note && (
          <Text className="redemption-row__note" data-testid="redemption-note">
            {note}
          </Text>
        )}
      </View>
    </View>
  )
}

/** 我的兑换: 待领取 (each one tap from its pick-up code) / 已完成 / 已取消·已过期, a page at a time. */
export default function RedemptionsPage() {
  const l = useRedemptions()
  // Every show: back from a cancelled redemption it has moved to 已取消.
  useDidShow(() => {
    if (hasSession()) void l.reload()
  })
  useReachBottom(() => void l.loadMore())
  useRetryWhenOnline(l.status === 'error' && Boolean(l.error?.isOffline), l.reload)

  const frame = (body: ReactNode) => (
    <View className="page redemptions-page">
      <SubPageNav title="我的兑换" fallback={routes.mall} />
      {body}
    </View>
  )
  if (!hasSession() || l.error?.code === 'UNAUTHENTICATED') return frame(<LoginRequired onDone={() => void l.reload()} />)

  const tabs = (
    <TabStrip tabs={REDEMPTION_TABS} current={l.tab} title={(tab) => TAB_LABELS[tab]} onChange={(tab) => void l.load(tab)} testId="redemption" className="redemptions-page__tabs" />
  )
  let body: ReactNode
  if (l.status === 'loading') body = <LoadingBlock />
  else if (l.status === 'error') body = <LoadError error={l.error} onRetry={() => void l.reload()} />
  else if (l.redemptions.length === 0) {
    body = (
      <EmptyBlock title={EMPTY[l.tab]} description="积分可在积分商城兑换礼品和优惠券">
        <Button type="primary" size="small" onClick={() => go(routes.mall)} data-testid="redemptions-empty-mall">
          去积分商城
        </Button>
      </EmptyBlock>
    )
  } else {
    body = (
      <>
        <View className="redemptions-page__list" data-testid="redemption-list">
          {l.redemptions.map((r) => (
            <Row key={r.id} r={r} />
          ))}
        </View>
        <ListFooter hasMore={l.hasMore} loadingMore={l.loadingMore} moreError={l.moreError} onLoadMore={() => void l.loadMore()} testId="redemptions-load-more" />
      </>
    )
  }
  return frame(
    <>
      {tabs}
      {body}
    </>,
  )
}
