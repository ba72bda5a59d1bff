import { Image, Text, View } from '@tarojs/components'
import './EventCard.scss'

/**
 * The event's cover, or a placeholder with the word 活动 when it has none (text, not an emoji: a browser without an
 * emoji font shows a blank box). The class must set a width: Taro's Image is
 * 320 px wide by default, wider than a 320 px screen less its margins.
 */
export function EventCover({ url, className }: { url: string | null; className: string }) {
  if (!url) {
    return (
      <View className={`${className} event-cover--placeholder`} data-testid="event-cover-placeholder">
        <Text className="event-cover__mark">活动</Text>
      </View>
    )
  }
  return <Image className={className} src={url} mode="aspectFill" data-testid="event-cover" />
}
