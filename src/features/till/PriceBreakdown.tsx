import { Text, View } from '@tarojs/components'
import { priceText } from './coupon-view'
import './TillPanels.scss'

export interface BreakdownLines {
  grossFen: number
  /** null: not known before recording (the lookup does not say whether the store applies it at the till). */
  tierDiscountFen: number | null
  couponDiscountFen: number
  paidFen: number
  /** "还差 ¥12.00 可用" when the chosen coupon's threshold is not met. */
  note?: string | null
}

const minus = (fen: number) => priceText(-fen)

/** 原价 / 会员折扣 / 优惠券 / 实付: live while the clerk types, and again on the result with the server's figures. */
export function PriceBreakdown({ lines, testId }: { lines: BreakdownLines; testId: string }) {
  return (
    <View className="till-price" data-testid={testId}>
      <View className="till-price__row">
        <Text>原价</Text>
        <Text data-testid={`${testId}-gross`}>{priceText(lines.grossFen)}</Text>
      </View>
      {lines.tierDiscountFen !== null && lines.tierDiscountFen > 0 && (
        <View className="till-price__row">
          <Text>会员折扣</Text>
          <Text data-testid={`${testId}-tier`}>{minus(lines.tierDiscountFen)}</Text>
        </View>
      )}
      <View className="till-price__row">
        <Text>优惠券</Text>
        <Text data-testid={`${testId}-coupon`}>{minus(lines.couponDiscountFen)}</Text>
      </View>
      {lines.note && (
        <Text className="till-price__note" data-testid={`${testId}-note`}>
          {lines.note}
        </Text>
      )}
      <View className="till-price__row till-price__row--paid">
        <Text>实付</Text>
        <Text data-testid={`${testId}-paid`}>{priceText(lines.paidFen)}</Text>
      </View>
      {lines.tierDiscountFen === null && <Text className="till-price__note">会员折扣以入账结果为准</Text>}
    </View>
  )
}
