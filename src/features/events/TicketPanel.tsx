import { Image, Text, View } from '@tarojs/components'
import { formatTicketCode } from '../../domain/events/ticket-code'
import { copyText } from '../../services/device'
import { checkInWindowText } from './view-model'

interface Props {
  code: string
  qr: string
  startsAt: string
}

/** The ticket: a QR and the grouped digits (E1 routes it in the staff's one scanner), and when the door opens. */
export function TicketPanel({ code, qr, startsAt }: Props) {
  return (
    <View className="registration-page__ticket" data-testid="ticket">
      <Text className="registration-page__ticket-title">签到时向工作人员出示</Text>
      <Image className="registration-page__qr" src={qr} mode="aspectFit" data-testid="ticket-qr" />
      <Text className="registration-page__digits" userSelect data-testid="ticket-digits">
        {formatTicketCode(code)}
      </Text>
      <Text className="registration-page__copy" onClick={() => void copyText(code)} data-testid="ticket-copy">
        复制签到码
      </Text>
      <Text className="registration-page__window" data-testid="ticket-window">
        {checkInWindowText(startsAt)}
      </Text>
    </View>
  )
}
