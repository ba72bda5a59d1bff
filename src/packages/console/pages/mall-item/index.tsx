import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useRouter } from '@tarojs/taro'
import { ErrorBlock, LoadingBlock, OfflineBanner } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { GoodsFields, StockFields, WindowFields } from '../../../../features/mall-catalog/ItemFields'
import { stockText } from '../../../../features/mall-catalog/labels'
import { useMallItemEditor } from '../../../../features/mall-catalog/use-mall-item-editor'
import { ManagerGate } from '../../../../features/session/ManagerGate'
import { routes } from '../../../../services/nav'
import '../../../../features/coupon-templates/editor.scss'

/** 新建 / 编辑商品 (managers): `?id=` edits that item; what has been redeemed is shown and never changed by a save. */
export default function MallItemPage() {
  const id = useRouter().params?.id ?? null
  return (
    <View className="page">
      <SubPageNav title={id ? '编辑商品' : '新建商品'} fallback={routes.consoleMallItems} />
      <ManagerGate what="积分商城管理">{() => <Editor id={id} />}</ManagerGate>
    </View>
  )
}

function Editor({ id }: { id: string | null }) {
  const e = useMallItemEditor(id)
  if (e.status === 'loading') return <LoadingBlock />
  if (e.status === 'error') return <ErrorBlock message={e.error ?? '加载失败'} onRetry={() => void e.load()} />
  return (
    <View className="template-editor">
      {e.offline && <OfflineBanner text="网络不可用，恢复后再保存；已填写的内容不会丢失" />}
      {e.original && (
        <Text className="template-editor__counts" data-testid="mall-counts">
          已兑换 {e.original.redeemedCount} · {stockText(e.original)}（总库存不能少于已兑换数量，增加库存即增加可兑数量）
        </Text>
      )}
      <Text className="template-editor__section-title">商品</Text>
      <GoodsFields e={e} />
      <Text className="template-editor__section-title">库存与限兑</Text>
      <StockFields e={e} />
      <Text className="template-editor__section-title">时间与等级</Text>
      <WindowFields e={e} />
      {e.error && (
        <View className="template-editor__error" data-testid="mall-error">
          <Text>{e.fields._ ?? e.error}</Text>
        </View>
      )}
      <View className="template-editor__actions">
        <Button block type="primary" size="large" loading={e.saving} disabled={e.saving || e.uploading} onClick={() => void e.save()} data-testid="mall-save">
          {e.saving ? '保存中…' : '保存'}
        </Button>
      </View>
    </View>
  )
}
