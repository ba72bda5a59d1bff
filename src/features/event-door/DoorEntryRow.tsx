import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { DoorEntryView } from '../../contract/event-door'
import { entryStatusText } from './view-model'
import './door.scss'

interface Props {
  entry: DoorEntryView
  /** Managers may void a check-in (撤销签到). */
  canVoid: boolean
  onVoid: () => void
}

/** One registration at the door: masked name and phone, tier, status ("已签到 14:02 · 小王", 候补第 2 位…). */
export function DoorEntryRow({ entry: e, canVoid, onVoid }: Props) {
  return (
    <View className={`door-entry door-entry--${e.status}`} data-testid={`door-entry-${e.registrationId}`}>
      <View className="door-entry__body">
        <Text className="door-entry__name">
          {e.nickname}
          {e.source === 'walk_in' ? '（现场补签）' : ''}
        </Text>
        <Text className="door-entry__meta">{`${e.phoneMasked} · ${e.tier.name}`}</Text>
      </View>
      <View className="door-entry__side">
        <Text className="door-entry__status" data-testid={`door-entry-${e.registrationId}-status`}>
          {entryStatusText(e)}
        </Text>
        {canVoid && e.status === 'attended' && (
          <Button size="small" fill="none" type="danger" onClick={onVoid} data-testid={`door-entry-${e.registrationId}-void`}>
            撤销签到
          </Button>
        )}
      </View>
    </View>
  )
}
