import { Text, View } from '@tarojs/components'
import type { LedgerEntryView } from '../../contract/points'
import { formatYuan } from '../card/view-model'
import { formatLedgerTime, reasonLabel, signedPoints } from './view-model'
import './LedgerRow.scss'

export function LedgerRow({ entry, nowMs }: { entry: LedgerEntryView; nowMs: number }) {
  const tone = entry.delta > 0 ? 'plus' : entry.delta < 0 ? 'minus' : 'zero'
  return (
    <View className="ledger-row" data-testid="ledger-entry">
      <View className="ledger-row__main">
        <Text className="ledger-row__reason">{reasonLabel(entry.reason)}</Text>
        {entry.amountFen !== undefined && (
          <Text className="ledger-row__amount" data-testid="ledger-amount">
            消费 {formatYuan(entry.amountFen)}
          </Text>
        )}
        {entry.note && <Text className="ledger-row__note">{entry.note}</Text>}
        <Text className="ledger-row__time">{formatLedgerTime(entry.createdAt, nowMs)}</Text>
      </View>
      <Text className={`ledger-row__delta ledger-row__delta--${tone}`} data-testid="ledger-delta">
        {signedPoints(entry.delta)}
      </Text>
    </View>
  )
}
