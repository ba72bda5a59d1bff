import { Text, View } from '@tarojs/components'
import type { ApiOutput } from '../../contract'
import { timeText } from './labels'
import './mall-console.scss'

type Notice = ApiOutput<'listStaffNotices'>['notices'][number]

/** The managers' notices at the top of 积分商城管理 (low stock …), with how many were new on this visit. */
export function NoticeList({ notices, unread }: { notices: Notice[]; unread: number }) {
  if (notices.length === 0) return null
  return (
    <View className="mall-notices" data-testid="mall-notices">
      <View className="mall-notices__head">
        <Text className="mall-notices__title">店长提醒</Text>
        {unread > 0 && (
          <Text className="mall-notices__unread" data-testid="mall-notices-unread">
            {unread} 条新提醒
          </Text>
        )}
      </View>
      {notices.slice(0, 5).map((n) => (
        <View key={n.id} className={`mall-notices__row${n.read ? '' : ' mall-notices__row--new'}`} data-testid={`mall-notice-${n.id}`}>
          <Text className="mall-notices__text">
            {n.title}：{n.body}
          </Text>
          <Text className="mall-notices__time">{timeText(n.createdAt)}</Text>
        </View>
      ))}
    </View>
  )
}
