import { Image, Text, View } from '@tarojs/components'
import './EventCard.scss'

/**
 * The event's cover, or a calendar placeholder when it has none. The class must set a width: Taro's Image is
 * 320 px wide by default, wider than a 320 px screen less its margins.
 */
export function EventCover({ url, className }: { url: string | null; className: string }) {
  if (!url) {
    return (
      <View className={`${className} event-cover--placeholder`} data-testid="event-cover-placeholder">
        <Text>📅</Text>
      </View>
    )
  }
  return <Image className={className} src={url} mode="aspectFill" data-testid="event-cover" />
}
