import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { templateFace } from '../coupon-templates/labels'
import { ConfirmSheet } from './ConfirmSheet'
import type { useGrant } from './use-grant'

/** The 发券 sheet: the store's active 店员发放 templates; 发放 gives the member one. */
export function GrantSheet({ g }: { g: ReturnType<typeof useGrant> }) {
  if (!g.open) return null
  return (
    <ConfirmSheet title="给该会员发券" confirmText="完成" onConfirm={g.close} onCancel={g.close} testId="till-grant" error={g.error}>
      {g.templates === null && !g.error && <Text className="confirm-sheet__text">加载中…</Text>}
      {g.templates?.length === 0 && <Text className="confirm-sheet__text">没有可由店员发放的券，请先在优惠券管理中新建“店员发放”的券</Text>}
      {g.templates?.map((t) => (
        <View key={t.id} className="till-grant__row">
          <View className="till-grant__body">
            <Text className="till-grant__name">{t.name}</Text>
            <Text className="till-grant__face">{templateFace(t)}</Text>
          </View>
          <Button size="small" type="primary" loading={g.granting === t.id} disabled={g.granting !== null} onClick={() => void g.grant(t.id)} data-testid={`till-grant-${t.id}`}>
            发放
          </Button>
        </View>
      ))}
    </ConfirmSheet>
  )
}
