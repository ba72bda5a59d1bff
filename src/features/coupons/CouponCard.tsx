import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { CouponTermsView } from '../../contract/coupons'
import { couponConditionText, couponFaceParts } from './view-model'
import './CouponCard.scss'

interface Props {
  terms: CouponTermsView
  /** Lines under the name: validity, stock, why it cannot be used… */
  children?: ReactNode
  /** Small tag before the name (生日券). */
  tag?: string | null
  /** Cannot be used or claimed now: drawn in grey. */
  greyed?: boolean
  /** The right-hand action (领取 button, 去使用 ›). */
  action?: ReactNode
  onClick?: () => void
  testId?: string
}

/** One coupon as a ticket: the face (¥30 / 8.8折 / 兑换) and its condition on the left, name and details on the right. */
export function CouponCard({ terms, children, tag, greyed = false, action, onClick, testId = 'coupon-card' }: Props) {
  const face = couponFaceParts(terms)
  return (
    <View className={`coupon-card${greyed ? ' coupon-card--greyed' : ''}`} onClick={onClick} data-testid={testId}>
      <View className="coupon-card__face">
        <View className="coupon-card__face-main" data-testid="coupon-face">
          {face.prefix && <Text className="coupon-card__face-affix">{face.prefix}</Text>}
          <Text className={`coupon-card__face-value${terms.kind === 'gift' ? ' coupon-card__face-value--gift' : ''}`}>{face.value}</Text>
          {face.suffix && <Text className="coupon-card__face-affix">{face.suffix}</Text>}
        </View>
        <Text className="coupon-card__condition" data-testid="coupon-condition">
          {couponConditionText(terms)}
        </Text>
      </View>
      <View className="coupon-card__body">
        <View className="coupon-card__title">
          {tag && <Text className="coupon-card__tag">{tag}</Text>}
          <Text className="coupon-card__name" data-testid="coupon-name">
            {terms.name}
          </Text>
        </View>
        {children}
      </View>
      {action && <View className="coupon-card__action">{action}</View>}
    </View>
  )
}

/** A small grey line in a coupon card. */
export function CouponLine({ children, tone, testId }: { children: ReactNode; tone?: 'warn' | 'muted'; testId?: string }) {
  return (
    <Text className={`coupon-card__line${tone ? ` coupon-card__line--${tone}` : ''}`} data-testid={testId}>
      {children}
    </Text>
  )
}
