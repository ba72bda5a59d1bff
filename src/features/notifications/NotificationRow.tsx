import { Text, View } from '@tarojs/components'
import type { NotificationView } from '../../contract/notifications'
import { formatNotificationTime } from './view-model'
import './NotificationRow.scss'

export function NotificationRow({ item, nowMs }: { item: NotificationView; nowMs: number }) {
  return (
    <View className={`notification-row${item.read ? '' : ' notification-row--unread'}`} data-testid="notification">
      <View className="notification-row__head">
        {!item.read && <View className="notification-row__dot" data-testid="notification-unread" />}
        <Text className="notification-row__title">{item.title}</Text>
        <Text className="notification-row__time">{formatNotificationTime(item.createdAt, nowMs)}</Text>
      </View>
      <Text className="notification-row__body">{item.body}</Text>
    </View>
  )
}
