import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { REDEMPTION_FILTERS } from '../../../../features/mall-catalog/labels'
import { RedemptionRow } from '../../../../features/mall-catalog/RedemptionRow'
import { useMallRedemptions } from '../../../../features/mall-catalog/use-mall-redemptions'
import { ManagerGate } from '../../../../features/session/ManagerGate'
import { routes } from '../../../../services/nav'
import '../../../../features/coupon-templates/editor.scss'
import '../../../../features/mall-catalog/mall-console.scss'

/** 兑换记录 (managers): every redemption, or one item's (`?itemId=`), newest first, filtered by state, paged. */
export default function MallRedemptionsPage() {
  const itemId = useRouter().params?.itemId ?? null
  return (
    <View className="page">
      <SubPageNav title="兑换记录" fallback={routes.consoleMallItems} />
      <ManagerGate what="积分商城管理">{() => <Records itemId={itemId} />}</ManagerGate>
    </View>
  )
}

function Records({ itemId }: { itemId: string | null }) {
  const r = useMallRedemptions(itemId)
  // On mount, not useLoad: this part mounts once the session is known, possibly after the page's load event.
  useEffect(() => void r.reload(), [r.reload])
  useReachBottom(() => void r.loadMore())
  return (
    <View className="mall-records">
      <View className="mall-records__filters choice-row__chips" data-testid="mall-record-filters">
        {REDEMPTION_FILTERS.map(([key, label]) => (
          <Text key={String(key)} className={`choice-row__chip${key === r.filterStatus ? ' choice-row__chip--on' : ''}`} onClick={() => r.filter(key)} data-testid={`mall-filter-${key ?? 'all'}`}>
            {label}
          </Text>
        ))}
      </View>
      {r.status === 'loading' && <LoadingBlock />}
      {r.status === 'error' && <ErrorBlock message={r.error?.message ?? '加载失败'} onRetry={() => void r.reload()} />}
      {r.status === 'ready' &&
        (r.rows.length === 0 ? (
          <EmptyBlock title="暂无兑换记录" description={r.filterStatus ? '换个状态看看' : '会员兑换后会显示在这里'} />
        ) : (
          <>
            {r.rows.map((row) => (
              <RedemptionRow key={row.id} r={row} />
            ))}
            <View className="mall-records__more">
              {r.moreError && <Text>{r.moreError.message}</Text>}
              {r.nextCursor ? (
                <Button size="small" fill="none" loading={r.loadingMore} onClick={() => void r.loadMore()} data-testid="mall-records-more">
                  {r.moreError ? '重新加载' : '加载更多'}
                </Button>
              ) : (
                <Text>没有更多了</Text>
              )}
            </View>
          </>
        ))}
    </View>
  )
}
