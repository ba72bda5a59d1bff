import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { EmptyBlock, ErrorBlock, LoadingBlock, OfflineBanner } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { TemplateCard } from '../../../../features/coupon-templates/TemplateCard'
import { useTemplateList } from '../../../../features/coupon-templates/use-template-list'
import { useLoadOnShow } from '../../../../features/common/use-load-on-show'
import { ManagerGate } from '../../../../features/session/ManagerGate'
import { go, routes } from '../../../../services/nav'
import '../../../../features/coupon-templates/list.scss'

/** 优惠券管理 (managers): every template with its status, counts and channel; 停止 / 恢复 and 编辑; 新建. */
export default function CouponTemplatesPage() {
  return (
    <View className="page">
      <SubPageNav title="优惠券管理" fallback={routes.me} />
      <ManagerGate what="优惠券管理">{() => <TemplateList />}</ManagerGate>
    </View>
  )
}

function TemplateList() {
  const l = useTemplateList()
  useLoadOnShow(() => l.load())
  const create = (
    <Button type="primary" onClick={() => go(routes.couponTemplate)} data-testid="tpl-new">
      新建优惠券
    </Button>
  )
  if (l.status === 'loading') return <LoadingBlock />
  if (l.status === 'error') return <ErrorBlock message={l.error ?? '加载失败'} onRetry={() => void l.load()} />
  return (
    <View className="tpl-list">
      {l.offline && <OfflineBanner />}
      {l.error && !l.offline && (
        <View className="tpl-list__error" data-testid="tpl-list-error">
          <Text>{l.error}</Text>
        </View>
      )}
      {l.templates.length === 0 ? (
        <EmptyBlock title="还没有优惠券" description="新建满减、折扣或兑换券，在领券中心、生日礼或由店员发放">
          {create}
        </EmptyBlock>
      ) : (
        <>
          <View className="tpl-list__head">{create}</View>
          {l.templates.map((t) => (
            <TemplateCard key={t.id} t={t} switching={l.switching === t.id} disabled={l.switching !== null} onToggle={() => void l.setStatus(t)} />
          ))}
        </>
      )}
    </View>
  )
}
