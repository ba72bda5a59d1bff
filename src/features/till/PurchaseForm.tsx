import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { TextField } from '../../components/text-field'
import type { TillCouponView } from '../../contract/till-coupons'
import { priceAtTill } from '../../domain/coupons/pricing'
import { parseYuanToFen } from '../common/amount'
import { CouponPicker } from './CouponPicker'
import { termsOf, whyNot } from './coupon-view'
import { PriceBreakdown } from './PriceBreakdown'
import type { Till } from './use-till'

/**
 * Amount + receipt (+ one of the member's coupons) → 确认入账. The price below is live: the coupon's discount
 * from the shared pricing rules, or why it does not apply, after the tier discount when the store's till applies
 * it (the lookup says so). The server computes the same again and has the last word.
 */
export function PurchaseForm({ t, coupon }: { t: Till; coupon: TillCouponView | null }) {
  const amount = parseYuanToFen(t.amountText)
  const amountFen = amount.ok ? amount.fen : null
  const note = coupon && whyNot(coupon, amountFen, t.tierDiscountPct)
  const price =
    amountFen === null ? null : priceAtTill({ grossFen: amountFen, tierDiscountPct: t.tierDiscountPct, coupon: coupon && !note ? termsOf(coupon) : null })
  return (
    <View className="till__section">
      <View className="till__form">
        <TextField
          label="消费金额"
          value={t.amountText}
          onChange={t.setAmountText}
          placeholder="实付金额（元），如 128.50"
          type="digit"
          maxlength={12}
          testId="till-amount-input"
        />
        <TextField label="小票号" value={t.receiptText} onChange={t.setReceiptText} placeholder="收银小票上的单号" maxlength={40} testId="till-receipt-input" />
      </View>
      {t.step === 'member' && <CouponPicker coupons={t.coupons} selectedId={t.selectedCouponId} amountFen={amountFen} tierDiscountPct={t.tierDiscountPct} onSelect={t.selectCoupon} />}
      {price && (coupon || price.tierDiscountFen > 0) && (
        <PriceBreakdown
          testId="till-price"
          lines={{ grossFen: price.grossFen, tierDiscountFen: price.tierDiscountFen, couponDiscountFen: price.couponDiscountFen, paidFen: price.paidFen, note }}
        />
      )}
      <Button block type="primary" size="large" loading={t.busy === 'record'} disabled={t.busy !== null} onClick={() => void t.record()} data-testid="till-submit">
        {t.busy === 'record' ? '入账中…' : coupon ? '确认入账并核销' : '确认入账'}
      </Button>
      <View className="till__secondary" onClick={t.changeMember} data-testid="till-change-member">
        <Text>{t.step === 'member' ? '换一位会员' : '返回扫码'}</Text>
      </View>
    </View>
  )
}
