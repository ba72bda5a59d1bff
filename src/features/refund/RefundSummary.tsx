import { Text, View } from '@tarojs/components'
import type { RefundView } from '../../contract/till-refunds'
import { formatYuan } from '../card/view-model'
import { storeDateTime } from '../till/coupon-view'
import './refund.scss'

const COUPON_RETURNS: Record<string, string> = { available: '退回会员券包（可用）', expired: '退回但已过期', used: '不退回' }

function Row({ label, value, testId, warn }: { label: string; value: string; testId?: string; warn?: boolean }) {
  return (
    <View className={`refund-row${warn ? ' refund-row--warn' : ''}`}>
      <Text className="refund-row__label">{label}</Text>
      <Text className="refund-row__value" data-testid={testId}>
        {value}
      </Text>
    </View>
  )
}

/**
 * What the refund does (or did): the amount, the points taken back and the part already spent that cannot be, the
 * growth and the tier, and the coupon. The shortfall is explained before the manager confirms (README: the balance
 * never goes below zero; the difference is forgiven and recorded).
 */
export function RefundSummary({ refund }: { refund: RefundView }) {
  const tierChanges = refund.tierBefore.code !== refund.tierAfter.code
  return (
    <View className="refund-card" data-testid="refund-summary">
      <Text className="refund-card__title">
        小票 {refund.receiptNo} · {refund.memberNickname} {refund.memberPhoneMasked}
      </Text>
      <Row label="退款金额" value={formatYuan(refund.paidFen)} testId="refund-amount" />
      <Row label="消费时间" value={storeDateTime(refund.purchasedAt)} />
      <Row label="扣回积分" value={`${refund.pointsToReverse} / 当时获得 ${refund.pointsEarned}`} testId="refund-points" />
      {refund.pointsShortfall > 0 && (
        <View className="refund-card__shortfall" data-testid="refund-shortfall">
          <Text className="refund-card__shortfall-title">会员已使用 {refund.pointsShortfall} 积分，无法扣回</Text>
          <Text className="refund-card__shortfall-text">
            积分余额不会扣成负数：只扣回现有余额 {refund.pointsToReverse} 积分，其余 {refund.pointsShortfall} 积分由门店承担，并记入退款记录。
          </Text>
        </View>
      )}
      <Row label="扣回成长值" value={String(refund.growthToReverse)} testId="refund-growth" />
      <Row label="会员等级" value={tierChanges ? `${refund.tierBefore.name} → ${refund.tierAfter.name}` : `${refund.tierBefore.name}（不变）`} testId="refund-tier" warn={tierChanges} />
      {refund.coupon && (
        <Row
          label="优惠券"
          value={`${refund.coupon.name}：${refund.coupon.returnsAs ? COUPON_RETURNS[refund.coupon.returnsAs] : '不退回'}`}
          testId="refund-coupon"
        />
      )}
      {refund.refundedAt && (
        <Text className="refund-card__done" data-testid="refund-done">
          已于 {storeDateTime(refund.refundedAt)} 由 {refund.refundedBy ?? '店员'} 退款
        </Text>
      )}
    </View>
  )
}
