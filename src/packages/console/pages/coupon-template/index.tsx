import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useRouter } from '@tarojs/taro'
import { ErrorBlock, LoadingBlock, OfflineBanner } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { AudienceFields } from '../../../../features/coupon-templates/AudienceFields'
import { KindFields } from '../../../../features/coupon-templates/KindFields'
import { countsText } from '../../../../features/coupon-templates/labels'
import { useTemplateEditor } from '../../../../features/coupon-templates/use-template-editor'
import { ValidityFields } from '../../../../features/coupon-templates/ValidityFields'
import { ManagerGate } from '../../../../features/session/ManagerGate'
import { routes } from '../../../../services/nav'
import '../../../../features/coupon-templates/editor.scss'

/** 新建 / 编辑优惠券 (managers): `?id=` edits that template; counts are shown and never reset by a save. */
export default function CouponTemplatePage() {
  const id = useRouter().params?.id ?? null
  return (
    <View className="page">
      <SubPageNav title={id ? '编辑优惠券' : '新建优惠券'} fallback={routes.couponTemplates} />
      <ManagerGate what="优惠券管理">{() => <Editor id={id} />}</ManagerGate>
    </View>
  )
}

function Editor({ id }: { id: string | null }) {
  const e = useTemplateEditor(id)
  if (e.status === 'loading') return <LoadingBlock />
  if (e.status === 'error') return <ErrorBlock message={e.error ?? '加载失败'} onRetry={() => void e.load()} />
  return (
    <View className="template-editor">
      {e.offline && <OfflineBanner text="网络不可用，恢复后再保存；已填写的内容不会丢失" />}
      {e.original && (
        <Text className="template-editor__counts" data-testid="tpl-counts">
          {countsText(e.original)}（修改设置不会影响已领取和已使用的数量）
        </Text>
      )}
      <Text className="template-editor__section-title">券面</Text>
      <KindFields e={e} />
      <Text className="template-editor__section-title">使用时间</Text>
      <ValidityFields e={e} />
      <Text className="template-editor__section-title">发放</Text>
      <AudienceFields e={e} />
      {e.error && (
        <View className="template-editor__error" data-testid="tpl-error">
          <Text>{e.fields._ ?? e.error}</Text>
        </View>
      )}
      <View className="template-editor__actions">
        <Button block type="primary" size="large" loading={e.saving} disabled={e.saving} onClick={() => void e.save()} data-testid="tpl-save">
          {e.saving ? '保存中…' : '保存'}
        </Button>
      </View>
    </View>
  )
}
