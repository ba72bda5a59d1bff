import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { CouponTemplateView } from '../../contract/coupon-templates'
import { go, routes } from '../../services/nav'
import { channelLabel, countsText, templateFace, validityText } from './labels'
import './list.scss'

interface Props {
  t: CouponTemplateView
  switching: boolean
  disabled: boolean
  onToggle: () => void
}

/** One template in the console list: what it gives, how it is issued, its counts, and 编辑 / 停止 or 恢复. */
export function TemplateCard({ t, switching, disabled, onToggle }: Props) {
  const active = t.status === 'active'
  return (
    <View className={`tpl-card${active ? '' : ' tpl-card--stopped'}`} data-testid={`tpl-card-${t.id}`}>
      <View className="tpl-card__head">
        <Text className="tpl-card__name">{t.name}</Text>
        <Text className={`tpl-card__status${active ? ' tpl-card__status--on' : ''}`} data-testid={`tpl-status-${t.id}`}>
          {active ? '发放中' : '已停止'}
        </Text>
      </View>
      <Text className="tpl-card__line">{templateFace(t)}</Text>
      <Text className="tpl-card__line">
        {channelLabel(t.channel)} · {validityText(t)}
      </Text>
      <Text className="tpl-card__line" data-testid={`tpl-counts-${t.id}`}>
        {countsText(t)}
      </Text>
      <View className="tpl-card__actions">
        <Button size="small" onClick={() => go(routes.couponTemplate, { id: t.id })} data-testid={`tpl-edit-${t.id}`}>
          编辑
        </Button>
        <Button size="small" type={active ? 'danger' : 'primary'} fill="outline" loading={switching} disabled={disabled} onClick={onToggle} data-testid={`tpl-toggle-${t.id}`}>
          {active ? '停止发放' : '恢复发放'}
        </Button>
      </View>
    </View>
  )
}
