import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import Taro, { useLoad } from '@tarojs/taro'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { LoadingBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { LoadError } from '../../../../features/coupons/LoadError'
import { useRetryWhenOnline } from '../../../../features/coupons/use-retry-when-online'
import { MallPicture } from '../../../../features/mall/MallItemCard'
import { useMallItem } from '../../../../features/mall/use-mall-item'
import { affordance, confirmText, limitText, maxQuantity, pointsText, stockText, windowText } from '../../../../features/mall/view-model'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { hasSession } from '../../../../services/api'
import { go, routes } from '../../../../services/nav'
import './index.scss'

function Stepper({ value, max, onChange }: { value: number; max: number; onChange: (n: number) => void }) {
  return (
    <View className="mall-stepper" data-testid="mall-stepper">
      <Text className={`mall-stepper__button${value <= 1 ? ' mall-stepper__button--off' : ''}`} onClick={() => value > 1 && onChange(value - 1)} data-testid="mall-minus">
        −
      </Text>
      <Text className="mall-stepper__value" data-testid="mall-quantity">
        {value}
      </Text>
      <Text className={`mall-stepper__button${value >= max ? ' mall-stepper__button--off' : ''}`} onClick={() => value < max && onChange(value + 1)} data-testid="mall-plus">
        +
      </Text>
    </View>
  )
}

/**
 * A mall item: its picture, description, price and rules (每人限兑 N 件, window, tier, stock), a quantity up to
 * what can actually be redeemed, and 立即兑换 → a confirm → the redemption. A gift goes on to its pick-up code; a
 * coupon says 已放入券包. A refusal is shown in the server's words and the item reloaded.
 */
export default function MallItemPage() {
  const m = useMallItem()
  const [quantity, setQuantity] = useState(1)
  const [confirming, setConfirming] = useState(false)
  useLoad((params?: Record<string, string>) => {
    const id = params?.id ?? Taro.getCurrentInstance().router?.params?.id ?? ''
    if (hasSession()) void m.load(decodeURIComponent(id))
  })
  useRetryWhenOnline(m.status === 'error' && Boolean(m.error?.isOffline), m.load)
  const nowMs = useMemo(() => Date.now(), [m.item])
  const max = m.item && m.balance ? maxQuantity(m.item, m.balance.points) : 0
  // A reload that lowers the ceiling (stock taken meanwhile) brings the quantity down with it.
  useEffect(() => {
    if (max > 0 && quantity > max) setQuantity(max)
  }, [max, quantity])

  const frame = (body: ReactNode) => (
    <View className="page mall-item-page">
      <SubPageNav title="商品详情" fallback={routes.mall} />
      {body}
    </View>
  )
  if (!hasSession() || m.error?.code === 'UNAUTHENTICATED') return frame(<LoginRequired onDone={() => void m.load()} />)
  if (m.status === 'loading') return frame(<LoadingBlock />)
  if (m.status === 'error' || !m.item || !m.balance) return frame(<LoadError error={m.error} onRetry={() => void m.load()} />)

  const item = m.item
  const a = affordance(item, m.balance.points)
  const rules = [
    limitText(item),
    windowText(item, nowMs),
    item.minTier ? `${item.minTier.name}及以上会员可兑` : null,
    stockText(item) ?? `库存 ${item.stockLeft} 件`,
    item.kind === 'gift' ? '兑换后到店出示领取码领取' : '兑换后优惠券直接放入券包',
  ].filter((r): r is string => Boolean(r))
  const onConfirm = async () => {
    setConfirming(false)
    const out = await m.redeem(quantity)
    if (out && out.redemption.kind === 'gift') go(routes.redemption, { id: out.redemption.id })
  }

  return frame(
    <View className="mall-item-page__body">
      <MallPicture url={item.imageUrl} className="mall-item-page__picture" />
      <View className="mall-item-page__panel">
        <Text className="mall-item-page__name" data-testid="item-name">
          {item.name}
        </Text>
        <Text className="mall-item-page__price" data-testid="item-price">
          {`${pointsText(item.pointsPrice)} 积分`}
        </Text>
        <Text className="mall-item-page__balance" data-testid="item-balance">{`可用积分 ${pointsText(m.balance.points)}`}</Text>
        {m.description && <Text className="mall-item-page__description">{m.description}</Text>}
      </View>
      <View className="mall-item-page__panel" data-testid="item-rules">
        <Text className="mall-item-page__title">兑换规则</Text>
        {rules.map((r) => (
          <Text key={r} className="mall-item-page__rule">
            {r}
          </Text>
        ))}
      </View>
      {m.delivered && (
        <View className="mall-item-page__delivered" data-testid="item-delivered">
          <Text>已放入券包</Text>
          <Text className="mall-item-page__wallet" onClick={() => go(routes.wallet)} data-testid="item-wallet-link">
            去券包查看 ›
          </Text>
        </View>
      )}
      {m.refusal && (
        <Text className="mall-item-page__refusal" data-testid="item-refusal">
          {m.refusal}
        </Text>
      )}
      <View className="mall-item-page__action">
        {a.kind === 'redeem' && max > 0 ? (
          <>
            <View className="mall-item-page__quantity">
              <Text>数量</Text>
              <Stepper value={Math.min(quantity, max)} max={max} onChange={setQuantity} />
            </View>
            <Button type="primary" block size="large" loading={m.redeeming} disabled={m.redeeming} onClick={() => setConfirming(true)} data-testid="item-redeem">
              立即兑换
            </Button>
          </>
        ) : (
          <Button block size="large" disabled data-testid="item-redeem-disabled">
            {a.kind === 'short' ? a.shortText : a.kind === 'blocked' ? a.label : '已达上限'}
          </Button>
        )}
        {a.kind === 'short' && a.spendText && (
          <Text className="mall-item-page__spend" data-testid="item-spend">
            {a.spendText}
          </Text>
        )}
      </View>
      <Dialog
        visible={confirming}
        title="确认兑换"
        content={confirmText(item, quantity)}
        confirmText="确认兑换"
        cancelText="再想想"
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      />
    </View>,
  )
}
