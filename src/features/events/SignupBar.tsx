import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { EventDetailView } from '../../contract/events'
import { go, routes } from '../../services/nav'
import { canSubscribe } from '../../services/subscribe'
import { signupButton, signupConfirmText } from './view-model'

interface Props {
  event: EventDetailView
  signing: boolean
  /** A tap handler whose first act is the subscribe popup: called straight from a tap, never after an await. */
  onSignUp: () => void
}

/**
 * The one button at the foot of an event: 立即报名 / 加入候补 / why not / 查看我的报名. A points-cost seat asks first
 * ("报名将扣除 100 积分…"), and then the dialog's 确认报名 is the tap that signs up (and shows WeChat's popup).
 */
export function SignupBar({ event, signing, onSignUp }: Props) {
  const [confirming, setConfirming] = useState(false)
  const b = signupButton(event)
  const asksFirst = b.kind === 'signup' && event.pointsCost > 0
  return (
    <View className="event-signup" data-testid="event-signup">
      {b.kind === 'mine' && (
        <Button type="primary" block size="large" onClick={() => go(routes.registration, { id: b.registrationId })} data-testid="event-mine">
          {b.label}
        </Button>
      )}
      {(b.kind === 'signup' || b.kind === 'waitlist') && (
        <Button
          type="primary"
          block
          size="large"
          loading={signing}
          disabled={signing}
          onClick={asksFirst ? () => setConfirming(true) : onSignUp}
          data-testid="event-signup-button"
        >
          {b.label}
        </Button>
      )}
      {b.kind === 'disabled' && (
        <Button block size="large" disabled data-testid="event-signup-disabled">
          {b.label}
        </Button>
      )}
      {b.kind === 'waitlist' && event.pointsCost > 0 && (
        <Text className="event-signup__hint">{`候补不扣积分，转为正式报名时扣除 ${event.pointsCost} 积分`}</Text>
      )}
      {(b.kind === 'signup' || b.kind === 'waitlist') && !canSubscribe() && (
        <Text className="event-signup__hint" data-testid="event-subscribe-hint">
          在微信中打开可接收活动提醒
        </Text>
      )}
      <Dialog
        visible={confirming}
        title="确认报名"
        content={signupConfirmText(event.pointsCost)}
        confirmText="确认报名"
        cancelText="再想想"
        onConfirm={() => {
          onSignUp()
          setConfirming(false)
        }}
        onCancel={() => setConfirming(false)}
      />
    </View>
  )
}
