import { Image, Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import { LoadingBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { usePageVisible } from '../../../../features/common/use-page-visible'
import { LoadError } from '../../../../features/coupons/LoadError'
import { useRetryWhenOnline } from '../../../../features/coupons/use-retry-when-online'
import { MallPicture } from '../../../../features/mall/MallItemCard'
import { useRedemption } from '../../../../features/mall/use-redemption'
import { formatPickupCode, pickupDeadlineText, pointsText, STATUS_LABELS, storeTimeText } from '../../../../features/mall/view-model'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { hasSession } from '../../../../services/api'
import { copyText } from '../../../../services/device'
import { go, routes } from '../../../../services/nav'
import './index.scss'

/**
 * One redemption. A held gift: its pick-up code as a QR and grouped digits (the P1 prefix routes it in the till's
 * one scanner) at full brightness, the last day to pick it up, and 取消兑换. Picked up: when. Cancelled or expired:
 * the points that came back. A coupon: it is in the wallet.
 */
export default function RedemptionPage() {
  const visible = usePageVisible()
  const d = useRedemption(visible)
  const [confirming, setConfirming] = useState(false)
  useLoad((params?: Record<string, string>) => {
    const id = params?.id ?? Taro.getCurrentInstance().router?.params?.id ?? ''
    if (hasSession()) void d.load(decodeURIComponent(id))
  })
  // Back from the till: a gift handed over meanwhile shows 已领取 instead of a code that no longer works.
  useDidShow(() => {
    if (hasSession() && d.redemption) void d.load()
  })
  useRetryWhenOnline(d.status === 'error' && Boolean(d.error?.isOffline), d.load)
  const frame = (body: ReactNode) => (
    <View className="page redemption-page">
      <SubPageNav title="兑换详情" fallback={routes.redemptions} />
      {body}
    </View>
  )
  if (!hasSession() || d.error?.code === 'UNAUTHENTICATED') return frame(<LoginRequired onDone={() => void d.load()} />)
  if (d.status === 'loading') return frame(<LoadingBlock />)
  if (d.status === 'error' || !d.redemption) return frame(<LoadError error={d.error} onRetry={() => void d.load()} />)

  const r = d.redemption
  const returned = r.pointsReturned ?? d.cancelled?.pointsReturned ?? null
  return frame(
    <View className="redemption-page__body">
      <View className="redemption-page__item">
        <MallPicture url={r.imageUrl} className="redemption-page__picture" />
        <View className="redemption-page__what">
          <Text className="redemption-page__name">{`${r.itemName} ×${r.quantity}`}</Text>
          <Text className="redemption-page__points">{`${pointsText(r.points)} 积分`}</Text>
          <Text className="redemption-page__status" data-testid="redemption-status">
            {STATUS_LABELS[r.status]}
          </Text>
        </View>
      </View>
      <View className="redemption-page__panel">
        {d.qr && d.code ? (
          <View className="redemption-page__code" data-testid="pickup-code">
            <Text className="redemption-page__code-title">到店出示此码领取</Text>
            <Image className="redemption-page__qr" src={d.qr} mode="aspectFit" data-testid="pickup-qr" />
            <Text className="redemption-page__digits" userSelect data-testid="pickup-digits">
              {formatPickupCode(d.code)}
            </Text>
            <Text className="redemption-page__copy" onClick={() => void copyText(d.code ?? '')} data-testid="pickup-copy">
              复制领取码
            </Text>
            {pickupDeadlineText(r.pickupExpiresAt) && (
              <Text className="redemption-page__deadline" data-testid="pickup-deadline">
                {pickupDeadlineText(r.pickupExpiresAt)}
              </Text>
            )}
          </View>
        ) : (
          <View className="redemption-page__no-code" data-testid="redemption-outcome">
            {r.status === 'picked_up' && <Text>{r.pickedUpAt ? `已领取 · ${storeTimeText(r.pickedUpAt)}` : '已领取'}</Text>}
            {r.status === 'delivered' && (
              <Text className="redemption-page__link" onClick={() => go(routes.wallet)} data-testid="redemption-wallet-link">
                优惠券已放入券包，去查看 ›
              </Text>
            )}
            {(r.status === 'cancelled' || r.status === 'expired' || r.status === 'returned') && (
              <>
                {r.closedAt && <Text>{`${STATUS_LABELS[r.status]} · ${storeTimeText(r.closedAt)}`}</Text>}
                {r.closeReason && <Text className="redemption-page__reason">{r.closeReason}</Text>}
                {returned !== null && returned > 0 && (
                  <Text className="redemption-page__returned" data-testid="redemption-returned">
                    {`${pointsText(returned)} 积分已退回`}
                  </Text>
                )}
              </>
            )}
            {d.cancelled && (
              <Text className="redemption-page__reason" data-testid="redemption-balance">
                {`当前可用积分 ${pointsText(d.cancelled.pointsBalance)}`}
              </Text>
            )}
          </View>
        )}
      </View>
      <View className="redemption-page__panel redemption-page__meta">
        <Text>{`兑换时间：${storeTimeText(r.createdAt)}`}</Text>
      </View>
      {r.cancellable && (
        <View className="redemption-page__actions">
          <Button block fill="outline" type="default" loading={d.cancelling} disabled={d.cancelling} onClick={() => setConfirming(true)} data-testid="redemption-cancel">
            取消兑换
          </Button>
        </View>
      )}
      <Dialog
        visible={confirming}
        title="取消兑换"
        content={`取消后 ${pointsText(r.points)} 积分将退回您的账户，礼品不再保留。`}
        confirmText="确认取消"
        cancelText="再想想"
        onConfirm={() => {
          setConfirming(false)
          void d.cancel()
        }}
        onCancel={() => setConfirming(false)}
      />
    </View>,
  )
}
