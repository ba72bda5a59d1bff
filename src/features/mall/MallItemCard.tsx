import { Image, Text, View } from '@tarojs/components'
import type { MallItemView } from '../../contract/mall'
import { affordance, pointsText, stockText, windowText } from './view-model'
import './MallItemCard.scss'

/** The picture, or a gift-box placeholder when the item has none. */
export function MallPicture({ url, className }: { url: string | null; className: string }) {
  if (!url) {
    return (
      <View className={`${className} mall-picture--placeholder`} data-testid="mall-picture-placeholder">
        <Text>🎁</Text>
      </View>
    )
  }
  return <Image className={className} src={url} mode="aspectFill" data-testid="mall-picture" />
}

interface Props {
  item: MallItemView
  balancePoints: number
  nowMs: number
  onOpen: () => void
}

/**
 * One item in the catalogue: picture, name, price, tier badge, stock and window; then 立即兑换, or how far the
 * member is from it (差 120 分可兑, a bar of balance / price, 再消费 ¥X 即可兑换), or why not.
 */
export function MallItemCard({ item, balancePoints, nowMs, onOpen }: Props) {
  const a = affordance(item, balancePoints)
  const stock = stockText(item)
  const window = windowText(item, nowMs)
  return (
    <View className={`mall-item${a.kind === 'blocked' ? ' mall-item--greyed' : ''}`} onClick={onOpen} data-testid="mall-item">
      <MallPicture url={item.imageUrl} className="mall-item__picture" />
      <View className="mall-item__body">
        <Text className="mall-item__name" data-testid="mall-item-name">
          {item.name}
        </Text>
        <View className="mall-item__tags">
          {item.kind === 'coupon' && <Text className="mall-item__tag">优惠券</Text>}
          {item.minTier && (
            <Text className="mall-item__tag mall-item__tag--tier" data-testid="mall-item-tier">
              {`${item.minTier.name}专享`}
            </Text>
          )}
          {stock && (
            <Text className="mall-item__tag mall-item__tag--warn" data-testid="mall-item-stock">
              {stock}
            </Text>
          )}
        </View>
        {window && (
          <Text className="mall-item__line" data-testid="mall-item-window">
            {window}
          </Text>
        )}
        <View className="mall-item__foot">
          <Text className="mall-item__price" data-testid="mall-item-price">
            {pointsText(item.pointsPrice)}
            <Text className="mall-item__unit"> 积分</Text>
          </Text>
          {a.kind === 'redeem' && (
            <Text className="mall-item__action" data-testid="mall-item-redeem">
              立即兑换
            </Text>
          )}
          {a.kind === 'blocked' && (
            <Text className="mall-item__blocked" data-testid="mall-item-blocked">
              {a.label}
            </Text>
          )}
        </View>
        {a.kind === 'short' && (
          <View className="mall-item__short" data-testid="mall-item-short">
            <View className="mall-item__short-head">
              <Text className="mall-item__short-text">{a.shortText}</Text>
              <Text className="mall-item__short-percent">{`${a.percent}%`}</Text>
            </View>
            <View className="mall-item__bar">
              <View className="mall-item__fill" style={{ width: `${a.percent}%` }} data-testid="mall-item-progress" />
            </View>
            {a.spendText && (
              <Text className="mall-item__line" data-testid="mall-item-spend">
                {a.spendText}
              </Text>
            )}
          </View>
        )}
      </View>
    </View>
  )
}
