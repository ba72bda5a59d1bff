import { Text, View } from '@tarojs/components'
import type { TillCouponView } from '../../contract/till-coupons'
import { conditionText, faceText, whyNot } from './coupon-view'
import './TillPanels.scss'

interface Props {
  coupons: TillCouponView[]
  selectedId: string | null
  /** The amount entered, in fen (null while empty or invalid): thresholds are checked against it. */
  amountFen: number | null
  /** The tier discount the till takes off first (null: the POS already did), for the thresholds. */
  tierDiscountPct: number | null
  onSelect: (id: string) => void
}

/**
 * The member's coupons: tap one to apply it (tap again to take it off). One that cannot apply is greyed with why
 * (明天起可用, 仅限金卡, 还差 ¥12.00 可用) and cannot be picked.
 */
export function CouponPicker({ coupons, selectedId, amountFen, tierDiscountPct, onSelect }: Props) {
  if (coupons.length === 0) return null
  return (
    <View className="till-coupons" data-testid="till-coupons">
      <Text className="till-coupons__title">使用优惠券（可选一张）</Text>
      {coupons.map((c) => {
        const reason = whyNot(c, amountFen, tierDiscountPct)
        const usable = c.state === 'usable'
        const selected = c.id === selectedId
        const cls = `till-coupon${selected ? ' till-coupon--selected' : ''}${reason ? ' till-coupon--off' : ''}`
        return (
          <View key={c.id} className={cls} onClick={() => usable && onSelect(c.id)} data-testid={`till-coupon-${c.id}`}>
            <Text className="till-coupon__face">{faceText(c)}</Text>
            <View className="till-coupon__body">
              <Text className="till-coupon__name">
                {c.birthday ? '🎂 ' : ''}
                {c.name}
              </Text>
              <Text className="till-coupon__cond">{conditionText(c)}</Text>
              {reason && (
                <Text className="till-coupon__reason" data-testid={`till-coupon-${c.id}-reason`}>
                  {reason}
                </Text>
              )}
            </View>
            <Text className="till-coupon__check">{selected ? '✓' : ''}</Text>
          </View>
        )
      })}
    </View>
  )
}
