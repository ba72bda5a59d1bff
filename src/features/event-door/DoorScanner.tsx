import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { TextField } from '../../components/text-field'
import { canScan } from '../../services/device'
import type { DoorScan } from './use-door-scan'
import './door.scss'

/**
 * The door's scanner: the camera in WeChat, a typed or pasted code on H5; then the answer, big: green 签到成功 ·
 * +50 积分, or the refusal with its reason, and 现场补签 when the member holds no seat.
 */
export function DoorScanner({ d }: { d: DoorScan }) {
  const r = d.result
  return (
    <View className="door-scan">
      {canScan() && (
        <Button block type="primary" size="large" disabled={d.busy !== null} onClick={() => void d.scan()} data-testid="door-scan">
          扫码签到
        </Button>
      )}
      <TextField label="票码" value={d.codeText} onChange={d.setCodeText} placeholder="活动票（E1 开头）或会员码" maxlength={40} testId="door-code" onConfirm={() => void d.submit()} />
      <Button block type={canScan() ? 'default' : 'primary'} loading={d.busy === 'scan'} disabled={d.busy !== null} onClick={() => void d.submit()} data-testid="door-submit">
        签到
      </Button>
      {r && (
        <View className={`door-result${r.ok ? ' door-result--ok' : ' door-result--refused'}`} data-testid="door-result">
          <Text className="door-result__text">{r.text}</Text>
          {r.ok && <Text className="door-result__who">{r.who}</Text>}
          {!r.ok && r.walkIn && (
            <Button className="door-result__action" type="primary" loading={d.busy === 'walkin'} disabled={d.busy !== null} onClick={() => void d.walkIn()} data-testid="door-walk-in">
              现场补签（占用一个空余名额）
            </Button>
          )}
        </View>
      )}
    </View>
  )
}
