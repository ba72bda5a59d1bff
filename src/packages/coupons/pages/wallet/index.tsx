import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import { useMemo, type ReactNode } from 'react'
import { EmptyBlock, LoadingBlock } from '../../../../components/state-view'
import { TabStrip } from '../../../../components/tab-strip/TabStrip'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { WALLET_TABS, type MemberCouponView, type WalletTab } from '../../../../contract/coupons'
import { CouponCard, CouponLine } from '../../../../features/coupons/CouponCard'
import { LoadError } from '../../../../features/coupons/LoadError'
import { useRetryWhenOnline } from '../../../../features/coupons/use-retry-when-online'
import { useWallet } from '../../../../features/coupons/use-wallet'
import { couponValidityText, expiryHint, tabTitle, walletStatus } from '../../../../features/coupons/view-model'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { hasSession } from '../../../../services/api'
import { go, routes } from '../../../../services/nav'
import './index.scss'
import { ListFooter } from '../../../../components/list-footer/ListFooter'

const TAB_LABELS: Record<WalletTab, string> = { usable: '可用', used: '已使用', expired: '已过期' }
const EMPTY: Record<WalletTab, { title: string; description: string }> = {
  usable: { title: '暂无可用的优惠券', description: '去领券中心看看，领到的券会放在这里' },
  used: { title: '还没有用过优惠券', description: '到店结账时出示券码即可使用' },
  expired: { title: '没有过期的优惠券', description: '过期的券会在这里保留一段时间' },
}

function WalletCoupon({ coupon, nowMs }: { coupon: MemberCouponView; nowMs: number }) {
  const status = walletStatus(coupon)
  const soon = coupon.state === 'usable' && !coupon.reason ? expiryHint(coupon.validTo, nowMs) : null
  return (
    <CouponCard
      terms={coupon}
      tag={coupon.channel === 'birthday' ? '生日礼' : null}
      greyed={status.greyed}
      testId="wallet-coupon"
      onClick={() => go(routes.couponDetail, { id: coupon.id })}
      action={<Text className="wallet-page__go">{coupon.state === 'usable' && !coupon.reason ? '去使用 ›' : '›'}</Text>}
    >
      <CouponLine>{couponValidityText(coupon, nowMs)}</CouponLine>
      {soon && (
        <CouponLine tone="warn" testId="coupon-expiry-hint">
          {soon}
        </CouponLine>
      )}
      {status.note && coupon.state !== 'used' && coupon.state !== 'expired' && (
        <CouponLine tone="warn" testId="coupon-reason">
          {status.note}
        </CouponLine>
      )}
    </CouponCard>
  )
}

/** 我的券包: 可用 (soonest to expire first) / 已使用 / 已过期, each coupon one tap from its code. */
export default function WalletPage() {
  const w = useWallet()
  // Reloaded whenever the page shows: back from a coupon used at the till meanwhile, it has moved to 已使用.
  useDidShow(() => {
    if (hasSession()) void w.reload()
  })
  useReachBottom(() => void w.loadMore())
  useRetryWhenOnline(w.status === 'error' && Boolean(w.error?.isOffline), w.reload)
  const nowMs = useMemo(() => Date.now(), [w.coupons])

  const tabs = (
    <TabStrip tabs={WALLET_TABS} current={w.tab} title={(tab) => tabTitle(TAB_LABELS[tab], w.counts?.[tab])} onChange={(tab) => void w.load(tab)} testId="wallet" />
  )
  const centerLink = (
    <View className="wallet-page__center" onClick={() => go(routes.couponCenter)} data-testid="wallet-center-link">
      <Text>去领券中心</Text>
      <Text className="wallet-page__arrow">›</Text>
    </View>
  )
  const frame = (body: ReactNode) => (
    <View className="page wallet-page">
      <SubPageNav title="我的券包" fallback={routes.card} />
      {body}
    </View>
  )

  if (!hasSession() || w.error?.code === 'UNAUTHENTICATED') return frame(<LoginRequired onDone={() => void w.reload()} />)
  if (w.error?.code === 'NOT_A_MEMBER') return frame(<LoadError error={w.error} onRetry={() => void w.reload()} />)

  let body: ReactNode
  if (w.status === 'loading') body = <LoadingBlock />
  else if (w.status === 'error') body = <LoadError error={w.error} onRetry={() => void w.reload()} />
  else if (w.coupons.length === 0) {
    body = (
      <EmptyBlock title={EMPTY[w.tab].title} description={EMPTY[w.tab].description}>
        {w.tab === 'usable' && (
          <Button type="primary" size="small" onClick={() => go(routes.couponCenter)} data-testid="wallet-empty-center">
            去领券
          </Button>
        )}
      </EmptyBlock>
    )
  } else {
    body = (
      <>
        <View className="wallet-page__list" data-testid="wallet-list">
          {w.coupons.map((coupon) => (
            <WalletCoupon key={coupon.id} coupon={coupon} nowMs={nowMs} />
          ))}
        </View>
        <ListFooter hasMore={w.hasMore} loadingMore={w.loadingMore} moreError={w.moreError} onLoadMore={() => void w.loadMore()} testId="wallet-load-more" />
      </>
    )
  }
  return frame(
    <>
      {tabs}
      {centerLink}
      {body}
    </>,
  )
}
