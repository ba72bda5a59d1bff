import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Till } from './use-till'
import './TillPanels.scss'

/**
 * The looked-up member's registrations whose check-in is open ("今日活动"), each with 签到 (by the lookup's
 * ticket and that event): the member need not open their event ticket.
 */
export function MemberEvents({ t }: { t: Till }) {
  const entries = t.eventEntries
  if (entries.length === 0 && !t.checkedIn) return null
  return (
    <View className="till-pickups" data-testid="till-events">
      <Text className="till-pickups__title">{entries.length > 0 ? `可签到活动 ${entries.length} 个` : '活动签到'}</Text>
      {t.checkedIn && (
        <Text className="till-pickups__done till-checkin-done" data-testid="till-checkin-done">
          {`${t.checkedIn.entry.eventTitle}：${t.checkedIn.text}`}
        </Text>
      )}
      {entries.map((e) => (
        <View key={e.registrationId} className="till-pickups__row" data-testid={`till-event-${e.eventId}`}>
          <View className="till-pickups__body">
            <Text className="till-pickups__name">{e.eventTitle}</Text>
            {e.reason && <Text className="till-pickups__meta">{e.reason}</Text>}
          </View>
          <Button size="small" type="primary" loading={t.busy === 'checkin' && t.checkInRequest?.key === e.eventId} disabled={t.busy !== null || e.reason !== null} onClick={() => void t.checkInMember(e.eventId)} data-testid={`till-event-${e.eventId}-checkin`}>
            {t.checkInRequest?.key === e.eventId ? '重试签到' : '签到'}
          </Button>
        </View>
      ))}
    </View>
  )
}
