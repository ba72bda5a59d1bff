import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { AdminMallItemView } from '../../contract/mall-items'
import { go, routes } from '../../services/nav'
import { stockText, windowText } from './labels'
import './mall-console.scss'

interface Props {
  item: AdminMallItemView
  switching: boolean
  disabled: boolean
  onToggle: () => void
}

/** One item in 积分商城管理: picture, name, price, stock (low-stock badge), status; 编辑, 兑换记录, 下架 / 上架. */
export function MallItemCard({ item, switching, disabled, onToggle }: Props) {
  const onSale = item.status === 'on_sale'
  return (
    <View className={`mall-card${onSale ? '' : ' mall-card--stopped'}`} data-testid={`mall-card-${item.id}`}>
      <View className="mall-card__body">
        {item.imageUrl ? (
          <Image className="mall-card__picture" src={item.imageUrl} mode="aspectFill" data-testid={`mall-picture-${item.id}`} />
        ) : (
          <View className="mall-card__picture mall-card__picture--none">
            <Text>{item.kind === 'coupon' ? '券' : '礼'}</Text>
          </View>
        )}
        <View className="mall-card__info">
          <View className="mall-card__head">
            <Text className="mall-card__name">{item.name}</Text>
            <Text className={`mall-card__status${onSale ? ' mall-card__status--on' : ''}`} data-testid={`mall-status-${item.id}`}>
              {onSale ? '兑换中' : '已下架'}
            </Text>
          </View>
          <Text className="mall-card__price">
            {item.pointsPrice} 积分 · {item.kind === 'coupon' ? `优惠券${item.couponTemplateName ? `「${item.couponTemplateName}」` : ''}` : '到店自取'}
          </Text>
          <View className="mall-card__line">
            <Text data-testid={`mall-stock-${item.id}`}>{stockText(item)}</Text>
            {item.lowStock && (
              <Text className="mall-card__badge" data-testid={`mall-low-${item.id}`}>
                {item.stockLeft === 0 ? '已兑完' : '库存紧张'}
              </Text>
            )}
          </View>
          <Text className="mall-card__line">
            {windowText(item)}
            {item.minTier ? ` · ${item.minTier.name}及以上` : ''}
            {item.heldCount > 0 ? ` · ${item.heldCount} 件待领取` : ''}
          </Text>
        </View>
      </View>
      <View className="mall-card__actions">
        <Button size="small" fill="none" onClick={() => go(routes.consoleMallRedemptions, { itemId: item.id })} data-testid={`mall-records-${item.id}`}>
          兑换记录
        </Button>
        <Button size="small" onClick={() => go(routes.consoleMallItem, { id: item.id })} data-testid={`mall-edit-${item.id}`}>
          编辑
        </Button>
        <Button size="small" type={onSale ? 'danger' : 'primary'} fill="outline" loading={switching} disabled={disabled} onClick={onToggle} data-testid={`mall-toggle-${item.id}`}>
          {onSale ? '下架' : '上架'}
        </Button>
      </View>
    </View>
  )
}
