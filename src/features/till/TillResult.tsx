import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatYuan } from '../card/view-model'
import { ALREADY_RECORDED_TEXT, earnedText } from './messages'
import { PriceBreakdown } from './PriceBreakdown'
import type { RecordResult } from './till-state'
import './TillPanels.scss'

/** The recorded purchase: the points, what was recorded (to check against the slip), and the server's price lines. */
export function TillResult({ result, onNext }: { result: RecordResult; onNext: () => void }) {
  const text = result.alreadyRecorded ? ALREADY_RECORDED_TEXT : earnedText(result.pointsEarned)
  return (
    <View className={`till-result${result.alreadyRecorded ? ' till-result--repeat' : ''}`}>
      <View className="till-result__icon">{result.alreadyRecorded ? 'i' : '✓'}</View>
      <Text className="till-result__text" data-testid="till-result">
        {text}
      </Text>
      {/* The clerk checks these against the slip before handing it over. */}
      <View className="till-result__echo" data-testid="till-result-echo">
        <Text>
          金额 <Text className="till-result__echo-value" data-testid="till-result-amount">{formatYuan(result.amountFen)}</Text>
        </Text>
        <Text>
          小票号 <Text className="till-result__echo-value" data-testid="till-result-receipt">{result.receiptNo}</Text>
        </Text>
      </View>
      {/* The server's figures: 原价, 会员折扣 (when the store applied it), 优惠券, 实付. Points are earned on 实付. */}
      <PriceBreakdown
        testId="till-result-price"
        lines={{ grossFen: result.grossFen, tierDiscountFen: result.tierDiscountFen, couponDiscountFen: result.couponDiscountFen, paidFen: result.paidFen }}
      />
      {result.coupon && (
        <Text className="till-result__sub" data-testid="till-result-coupon">
          已核销：{result.coupon.name}
        </Text>
      )}
      {!result.alreadyRecorded && result.growthEarned > 0 && <Text className="till-result__sub">成长值 +{result.growthEarned}</Text>}
      {result.promotedTo && (
        <Text className="till-result__promo" data-testid="till-promoted">
          🎉 会员已升级为{result.promotedTo.name}
        </Text>
      )}
      <Text className="till-result__sub">
        {result.member.nickname} 当前积分 {result.member.pointsBalance}
      </Text>
      <Button className="till-result__next" type="primary" size="large" block onClick={onNext} data-testid="till-next">
        下一位
      </Button>
    </View>
  )
}
