import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import type { ReactNode } from 'react'
import { LoadingBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { usePageVisible } from '../../../../features/common/use-page-visible'
import { CouponCard, CouponLine } from '../../../../features/coupons/CouponCard'
import { LoadError } from '../../../../features/coupons/LoadError'
import { useCouponDetail } from '../../../../features/coupons/use-coupon-detail'
import { useRetryWhenOnline } from '../../../../features/coupons/use-retry-when-online'
import { couponKindLabel, couponStateLabel, couponValidityText, formatCouponCode } from '../../../../features/coupons/view-model'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { hasSession } from '../../../../services/api'
import { copyText } from '../../../../services/device'
import { routes } from '../../../../services/nav'
import './index.scss'

/**
 * A coupon's detail: its one-time code as a QR and grouped digits for the till (the typed prefix C1 lets the till's
 * one scanner route it), at full brightness; its terms and validity. A used or expired coupon shows no code, only
 * why (已于 11-20 14:03 核销).
 */
export default function CouponDetailPage() {
  const visible = usePageVisible()
  const d = useCouponDetail(visible)
  useLoad((params?: Record<string, string>) => {
    const id = params?.id ?? Taro.getCurrentInstance().router?.params?.id ?? ''
    if (hasSession()) void d.load(decodeURIComponent(id))
  })
  // Back from the till screen: a coupon verified meanwhile shows 已使用 instead of a code that no longer works.
  useDidShow(() => {
    if (hasSession() && d.coupon) void d.load()
  })
  useRetryWhenOnline(d.status === 'error' && Boolean(d.error?.isOffline), d.load)
  const nowMs = Date.now()
  const frame = (body: ReactNode) => (
    <View className="page coupon-detail">
      <SubPageNav title="优惠券" fallback={routes.wallet} />
      {body}
    </View>
  )

  if (!hasSession() || d.error?.code === 'UNAUTHENTICATED') return frame(<LoginRequired onDone={() => void d.load()} />)
  if (d.status === 'loading') return frame(<LoadingBlock />)
  if (d.status === 'error' || !d.coupon) return frame(<LoadError error={d.error} onRetry={() => void d.load()} />)

  const c = d.coupon
  const digits = d.code ? formatCouponCode(d.code) : ''
  return frame(
    <View className="coupon-detail__body">
      <CouponCard terms={c} tag={c.channel === 'birthday' ? '生日礼' : null} greyed={!d.qr} testId="coupon-detail-card">
        <CouponLine>{couponValidityText(c, nowMs)}</CouponLine>
      </CouponCard>
      <View className="coupon-detail__panel">
        {d.qr ? (
          <View className="coupon-detail__code" data-testid="coupon-code">
            <Text className="coupon-detail__code-title">到店结账时出示此码</Text>
            <Image className="coupon-detail__qr" src={d.qr} mode="aspectFit" data-testid="coupon-qr" />
            <Text className="coupon-detail__digits" userSelect data-testid="coupon-digits">
              {digits}
            </Text>
            <Text className="coupon-detail__copy" onClick={() => void copyText(d.code ?? '')} data-testid="coupon-copy">
              复制券码
            </Text>
            <Text className="coupon-detail__hint">每张券仅可核销一次</Text>
          </View>
        ) : (
          <View className="coupon-detail__no-code" data-testid="coupon-no-code">
            <Text className="coupon-detail__state" data-testid="coupon-state">
              {couponStateLabel(c.state)}
            </Text>
            {c.reason && (
              <Text className="coupon-detail__reason" data-testid="coupon-reason">
                {c.reason}
              </Text>
            )}
          </View>
        )}
      </View>
      <View className="coupon-detail__terms" data-testid="coupon-terms">
        <Text className="coupon-detail__terms-title">使用说明</Text>
        <Text className="coupon-detail__term">{`类型：${couponKindLabel(c.kind)}`}</Text>
        <Text className="coupon-detail__term">{`有效期：${couponValidityText({ ...c, state: 'not_yet' }, nowMs)}`}</Text>
        {c.minTier && <Text className="coupon-detail__term">{`适用会员：${c.minTier.name}及以上`}</Text>}
        {c.kind !== 'gift' && <Text className="coupon-detail__term">门槛与优惠按会员折扣后的金额计算，每次消费限用一张</Text>}
        {c.description && <Text className="coupon-detail__term">{c.description}</Text>}
      </View>
    </View>,
  )
}
