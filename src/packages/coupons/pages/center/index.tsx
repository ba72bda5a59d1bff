import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useLoad } from '@tarojs/taro'
import { useMemo, type ReactNode } from 'react'
import { EmptyBlock, LoadingBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import type { ClaimableCouponView } from '../../../../contract/coupons'
import { CouponCard, CouponLine } from '../../../../features/coupons/CouponCard'
import { LoadError } from '../../../../features/coupons/LoadError'
import { useClaimCenter } from '../../../../features/coupons/use-claim-center'
import { useRetryWhenOnline } from '../../../../features/coupons/use-retry-when-online'
import { claimableValidityText, claimButton, stockView } from '../../../../features/coupons/view-model'
import { useConsentPrompt } from '../../../../features/notifications/use-consent-prompt'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { hasSession } from '../../../../services/api'
import { go, routes } from '../../../../services/nav'
import './index.scss'

function Stock({ c }: { c: ClaimableCouponView }) {
  const stock = stockView(c)
  if (stock.text === null || stock.claimedPercent === null) return null
  return (
    <View className="coupon-stock" data-testid="coupon-stock">
      <View className="coupon-stock__bar">
        <View className="coupon-stock__fill" style={{ width: `${stock.claimedPercent}%` }} />
      </View>
      <Text className="coupon-stock__text">{stock.text}</Text>
    </View>
  )
}

/** 领券中心: what the member can claim now or soon, with its state for them and the remaining stock. */
export default function CouponCenterPage() {
  const c = useClaimCenter()
  const askConsent = useConsentPrompt('coupon_expiring')
  useLoad(() => {
    if (hasSession()) void c.reload()
  })
  useRetryWhenOnline(c.status === 'error' && Boolean(c.error?.isOffline), c.reload)
  const nowMs = useMemo(() => Date.now(), [c.coupons])
  const frame = (body: ReactNode) => (
    <View className="page coupon-center">
      <SubPageNav title="领券中心" fallback={routes.card} />
      {body}
    </View>
  )

  if (!hasSession() || c.error?.code === 'UNAUTHENTICATED') return frame(<LoginRequired onDone={() => void c.reload()} />)
  if (c.status === 'loading') return frame(<LoadingBlock />)
  if (c.status === 'error') return frame(<LoadError error={c.error} onRetry={() => void c.reload()} />)

  const walletLink = (
    <View className="coupon-center__wallet" onClick={() => go(routes.wallet)} data-testid="center-wallet-link">
      <Text>我的券包</Text>
      <Text className="coupon-center__arrow">›</Text>
    </View>
  )
  if (c.coupons.length === 0) {
    return frame(
      <>
        {walletLink}
        <EmptyBlock title="暂无可领取的优惠券" description="新的优惠券上线后会出现在这里" />
      </>,
    )
  }
  return frame(
    <>
      {walletLink}
      <View className="coupon-center__list" data-testid="claimable-list">
        {c.coupons.map((coupon) => {
          const b = claimButton(coupon)
          const tap = () => {
            // WeChat's consent popup only opens synchronously inside the tap, before the claim's await.
            askConsent()
            void c.claim(coupon.templateId)
          }
          return (
            <CouponCard
              key={coupon.templateId}
              terms={coupon}
              greyed={!b.enabled && coupon.state !== 'claimed'}
              testId="claimable-coupon"
              action={
                <Button
                  className="coupon-center__claim"
                  size="small"
                  type={b.enabled ? 'primary' : 'default'}
                  disabled={!b.enabled || c.claiming !== null}
                  loading={c.claiming === coupon.templateId}
                  onClick={tap}
                  data-testid="claim-button"
                >
                  {b.label}
                </Button>
              }
            >
              <CouponLine>{claimableValidityText(coupon.validity, nowMs)}</CouponLine>
              {coupon.perMemberLimit > 1 && <CouponLine tone="muted">{`每人限领 ${coupon.perMemberLimit} 张`}</CouponLine>}
              {b.reason && (
                <CouponLine tone="warn" testId="claim-reason">
                  {b.reason}
                </CouponLine>
              )}
              <Stock c={coupon} />
            </CouponCard>
          )
        })}
      </View>
    </>,
  )
}
