import { Text, View } from '@tarojs/components'
import type { CouponPreview as Preview } from './till-state'
import { conditionText, faceText, KIND_LABELS, storeDateTime } from './coupon-view'
import { formatYuan } from '../card/view-model'
import './TillPanels.scss'

/** "已核销 · 2026-11-20 14:03 · 王芳": when and by whom, so a second clerk can answer the customer. */
export function verifiedText(v: NonNullable<Preview['verification']>): string {
  return `已核销 · ${storeDateTime(v.at)} · ${v.staffName}`
}

/** The scanned coupon: type, face value, threshold, the holder (masked), valid to, and 可用 or why not. */
export function CouponPreview({ preview }: { preview: Preview }) {
  const { coupon: c, holder, verification } = preview
  const usable = c.state === 'usable'
  const status = verification ? verifiedText(verification) : usable ? '可用' : c.reason ?? '不可用'
  return (
    <View className="till-preview" data-testid="till-preview">
      <View className="till-preview__head">
        <Text className="till-preview__face" data-testid="till-preview-face">
          {faceText(c)}
        </Text>
        <View className="till-preview__title">
          <Text className="till-preview__name">
            {c.birthday ? '🎂 ' : ''}
            {c.name}
          </Text>
          <Text className="till-preview__kind">
            {KIND_LABELS[c.kind]} · {conditionText(c)}
          </Text>
        </View>
      </View>
      <View className="till-preview__rows">
        <Text>
          持券会员：{holder.nickname} {holder.phoneMasked} · {holder.tier.name}
        </Text>
        <Text>有效期至：{storeDateTime(c.validTo)}</Text>
        {verification?.receiptNo && (
          <Text>
            小票号：{verification.receiptNo}（优惠 {formatYuan(verification.discountFen)}）
          </Text>
        )}
      </View>
      <Text className={`till-preview__status${usable ? ' till-preview__status--ok' : ''}`} data-testid="till-preview-status">
        {status}
      </Text>
    </View>
  )
}
