import { Text, View } from '@tarojs/components'
import { useLoad, useReachBottom } from '@tarojs/taro'
import { useMemo, type ReactNode } from 'react'
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { formatCount, pointsExpiryLine } from '../../../../features/card/view-model'
import { LedgerRow } from '../../../../features/points/LedgerRow'
import { usePointsHistory } from '../../../../features/points/use-points-history'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { hasSession } from '../../../../services/api'
import { go, routes } from '../../../../services/nav'
import './index.scss'
import { ListFooter } from '../../../../components/list-footer/ListFooter'

/**
 * 积分明细: the balance, then the ledger newest first; more rows on reaching the bottom or with 加载更多.
 * Opened by a link without a session (H5), it offers the demo login first instead of a dead 请先登录.
 */
export default function PointsPage() {
  const h = usePointsHistory()
  useLoad(() => {
    if (hasSession()) void h.reload()
  })
  useReachBottom(() => void h.loadMore())
  // One "now" per render batch keeps relative times ("5 分钟前") consistent down the list.
  const nowMs = useMemo(() => Date.now(), [h.entries])
  const frame = (body: ReactNode) => (
    <View className="page points-page">
      <SubPageNav title="积分明细" />
      {body}
    </View>
  )

  if (!hasSession() || h.error?.code === 'UNAUTHENTICATED') return frame(<LoginRequired onDone={() => void h.reload()} />)
  if (h.status === 'loading') return frame(<LoadingBlock />)
  if (h.status === 'error') {
    const notMember = h.error?.code === 'NOT_A_MEMBER'
    return frame(
      <ErrorBlock
        message={h.error?.message ?? '加载失败'}
        retryText={notMember ? '去开卡' : '重试'}
        onRetry={() => (notMember ? go(routes.openCard) : void h.reload())}
      />,
    )
  }
  const header = h.pointsBalance !== null && (
    <View className="points-page__balance" data-testid="points-balance">
      <Text className="points-page__balance-label">当前积分</Text>
      <Text className="points-page__balance-value" data-testid="points-balance-value">
        {formatCount(h.pointsBalance)}
      </Text>
      {h.expiring && (
        <Text className="points-page__expiring" data-testid="points-expiring">
          {pointsExpiryLine(h.expiring)}
        </Text>
      )}
    </View>
  )
  if (h.entries.length === 0) {
    return frame(
      <>
        {header}
        <EmptyBlock title="暂无积分记录" description="到店消费出示会员码，即可累积积分" />
      </>,
    )
  }
  return frame(
    <>
      {header}
      <View className="points-page__list" data-testid="ledger-list">
        {h.entries.map((e) => (
          <LedgerRow key={e.id} entry={e} nowMs={nowMs} />
        ))}
      </View>
      <ListFooter hasMore={h.hasMore} loadingMore={h.loadingMore} moreError={h.moreError} onLoadMore={() => void h.loadMore()} testId="ledger-load-more" />
    </>,
  )
}
