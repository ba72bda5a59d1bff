import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { faceText } from './coupon-view'
import { verifiedText } from './CouponPreview'
import type { VerifyResult } from './till-state'
import './TillPanels.scss'

/** 核销 done: the coupon, and when and by whom (a retry that repeated the first request says so). */
export function VerifiedResult({ verified, onNext }: { verified: VerifyResult; onNext: () => void }) {
  return (
    <View className="till-result">
      <View className="till-result__icon">✓</View>
      <Text className="till-result__text" data-testid="till-verified">
        核销成功：{faceText(verified.coupon)} {verified.coupon.name}
      </Text>
      <Text className="till-result__sub" data-testid="till-verified-by">
        {verifiedText(verified.verification)}
      </Text>
      {verified.repeated && <Text className="till-result__sub">（重试返回了第一次核销的结果，未重复核销）</Text>}
      <Button className="till-result__next" type="primary" size="large" block onClick={onNext} data-testid="till-next">
        下一位
      </Button>
    </View>
  )
}
