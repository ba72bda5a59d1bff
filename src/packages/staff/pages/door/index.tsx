import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { DoorEventPicker } from '../../../../features/event-door/DoorEventPicker'
import { DoorPanel } from '../../../../features/event-door/DoorPanel'
import { StaffGate } from '../../../../features/event-door/StaffGate'
import { useDoorList } from '../../../../features/event-door/use-door-list'
import { isManager } from '../../../../features/session/store'
import { routes } from '../../../../services/nav'

/**
 * 活动签到 (clerks and managers): pick today's event (or `?id=` opens one), then the live door list, refreshed every
 * 10 s while on screen, and one scanner for tickets and member codes. Managers may 撤销签到.
 */
export default function DoorPage() {
  const id = useRouter().params?.id ?? null
  return (
    <View className="page">
      <SubPageNav title="活动签到" fallback={routes.till} />
      <StaffGate>{(me) => <Door initialId={id} manager={isManager(me.role)} />}</StaffGate>
    </View>
  )
}

function Door({ initialId, manager }: { initialId: string | null; manager: boolean }) {
  const l = useDoorList(initialId)
  return l.eventId === null ? <DoorEventPicker l={l} /> : <DoorPanel l={l} manager={manager} />
}
