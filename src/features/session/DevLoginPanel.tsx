import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { toApiError, type DevIdentity } from '../../services/api'
import { useSessionStore } from './store'
import './DevLoginPanel.scss'

const CHOICES: ReadonlyArray<{ as: DevIdentity; label: string; hint: string }> = [
  { as: 'member', label: '演示会员', hint: '已开卡的会员，查看会员卡、积分与券包' },
  { as: 'birthday', label: '生日会员', hint: '本月生日，体验生日礼' },
  { as: 'clerk', label: '演示店员', hint: '收银台：扫码、入账' },
  { as: 'manager', label: '演示店长', hint: '店长身份' },
  { as: 'visitor', label: '新顾客', hint: '还没有会员卡，体验开卡' },
]

/** H5 only: the local gateway's demo identities (the mini-program's identity comes from WeChat). */
export function DevLoginPanel({ onDone }: { onDone: () => void }) {
  const loginAs = useSessionStore((s) => s.loginAs)
  const [busy, setBusy] = useState<DevIdentity | null>(null)
  const [error, setError] = useState<string | null>(null)

  const choose = async (as: DevIdentity) => {
    if (busy) return
    setBusy(as)
    setError(null)
    try {
      await loginAs(as)
      onDone()
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className="dev-login" data-testid="dev-login-panel">
      <Text className="dev-login__title">演示登录</Text>
      <Text className="dev-login__desc">浏览器版本使用演示身份登录，选择一个身份开始体验</Text>
      {CHOICES.map((c) => (
        <View className="dev-login__item" key={c.as}>
          <Button
            block
            type={c.as === 'member' ? 'primary' : 'default'}
            loading={busy === c.as}
            disabled={busy !== null && busy !== c.as}
            onClick={() => void choose(c.as)}
            data-testid={`dev-login-${c.as}`}
          >
            {c.label}
          </Button>
          <Text className="dev-login__hint">{c.hint}</Text>
        </View>
      ))}
      {error && (
        <Text className="dev-login__error" data-testid="dev-login-error">
          {error}
        </Text>
      )}
    </View>
  )
}
