import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { canCheckIn, entryStatusText, spanText } from '../event-door/view-model'
import type { Till } from './use-till'
import './TillPanels.scss'

/**
 * A scanned event ticket (E1…): the event, whose ticket (masked), and whether it can be checked in now or why not
 * (the server's reason: 已签到 14:02 · 小王, 候补中…); 确认签到 checks it in, then the big green line.
 */
export function TicketStep({ t }: { t: Till }) {
  const preview = t.ticketPreview
  if (!preview) return null
  const { entry, event } = preview
  const ok = canCheckIn(entry) && !t.checkedIn
  return (
    <>
      <View className="till-preview" data-testid="till-ticket">
        <View className="till-preview__head">
          <Text className="till-preview__face">活动</Text>
          <View className="till-preview__title">
            <Text className="till-preview__name" data-testid="till-ticket-event">
              {event.title}
            </Text>
            <Text className="till-preview__kind">{`${spanText(event.startsAt, event.endsAt)} · ${event.place}`}</Text>
          </View>
        </View>
        <View className="till-preview__rows">
          <Text data-testid="till-ticket-holder">
            报名会员：{entry.nickname} {entry.phoneMasked} · {entry.tier.name}
          </Text>
          {event.rewardPoints > 0 && <Text>{`签到奖励 ${event.rewardPoints} 积分`}</Text>}
        </View>
        {t.checkedIn ? (
          <Text className="till-preview__status till-preview__status--ok till-checkin-done" data-testid="till-checkin-done">
            {t.checkedIn.text}
          </Text>
        ) : (
          <Text className={`till-preview__status${ok ? ' till-preview__status--ok' : ''}`} data-testid="till-ticket-status">
            {ok ? '可签到' : entry.reason ?? entryStatusText(entry)}
          </Text>
        )}
      </View>
      <View className="till__section">
        {ok && (
          <Button block type="primary" size="large" loading={t.busy === 'checkin'} disabled={t.busy !== null} onClick={() => void t.confirmTicket()} data-testid="till-ticket-confirm">
            {t.checkInRequest ? '重试签到' : '确认签到'}
          </Button>
        )}
        {t.checkedIn ? (
          <Button className="till__gap" block size="large" onClick={t.next} data-testid="till-next">
            下一位
          </Button>
        ) : (
          <View className="till__secondary" onClick={t.changeMember} data-testid="till-back-to-scan">
            <Text>返回扫码</Text>
          </View>
        )}
      </View>
    </>
  )
}
