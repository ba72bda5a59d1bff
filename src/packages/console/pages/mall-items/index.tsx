import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { EmptyBlock, ErrorBlock, LoadingBlock, OfflineBanner } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { MallItemCard } from '../../../../features/mall-catalog/MallItemCard'
import { NoticeList } from '../../../../features/mall-catalog/NoticeList'
import { useMallAdminList } from '../../../../features/mall-catalog/use-mall-admin-list'
import { useLoadOnShow } from '../../../../features/common/use-load-on-show'
import { ManagerGate } from '../../../../features/session/ManagerGate'
import { go, routes } from '../../../../services/nav'
import '../../../../features/mall-catalog/mall-console.scss'

/** 积分商城管理 (managers): notices on top, every item with its stock and status; 下架 / 上架, 编辑, 兑换记录; 新建. */
export default function MallItemsPage() {
  return (
    <View className="page">
      <SubPageNav title="积分商城管理" fallback={routes.me} />
      <ManagerGate what="积分商城管理">{() => <ItemList />}</ManagerGate>
    </View>
  )
}

function ItemList() {
  const l = useMallAdminList()
  useLoadOnShow(() => l.load())
  const actions = (
    <>
      <Button size="small" fill="none" onClick={() => go(routes.consoleMallRedemptions)} data-testid="mall-all-records">
        全部兑换记录
      </Button>
      <Button type="primary" onClick={() => go(routes.consoleMallItem)} data-testid="mall-new">
        新建商品
      </Button>
    </>
  )
  if (l.status === 'loading') return <LoadingBlock />
  if (l.status === 'error') return <ErrorBlock message={l.error ?? '加载失败'} onRetry={() => void l.load()} />
  return (
    <View className="mall-list">
      {l.offline && <OfflineBanner />}
      {l.error && !l.offline && (
        <View className="mall-list__error" data-testid="mall-list-error">
          <Text>{l.error}</Text>
        </View>
      )}
      <NoticeList notices={l.notices} unread={l.unread} />
      {l.items.length === 0 ? (
        <EmptyBlock title="积分商城还没有商品" description="新建礼品或优惠券，会员可用积分兑换">
          {actions}
        </EmptyBlock>
      ) : (
        <>
          <View className="mall-list__head">{actions}</View>
          {l.items.map((item) => (
            <MallItemCard key={item.id} item={item} switching={l.switching === item.id} disabled={l.switching !== null} onToggle={() => void l.setStatus(item)} />
          ))}
        </>
      )}
    </View>
  )
}
