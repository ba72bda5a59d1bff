import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { TextField } from '../../components/text-field'
import { isWeapp } from '../../services/platform'
import './PhoneField.scss'

interface Props {
  phone: string
  phoneCode: string | null
  onPhone: (phone: string) => void
  onPhoneCode: (code: string | null) => void
  error?: string
}

/**
 * On WeChat the number comes from WeChat's own button: the user taps, WeChat asks, and we get a one-time code
 * the server exchanges for the number (we never see it here). Accounts that cannot use the button (it needs a
 * verified mini-program) and the browser build type the number instead. The code is one-time: after a failed
 * submit the form drops it (useOpenCard), and the button shows again for a fresh authorisation.
 */
export function PhoneField({ phone, phoneCode, onPhone, onPhoneCode, error }: Props) {
  const [typing, setTyping] = useState(!isWeapp())
  const [refused, setRefused] = useState(false)

  if (typing) {
    return (
      <View>
        <TextField label="手机号" value={phone} onChange={onPhone} placeholder="11 位手机号" type="number" maxlength={11} error={error} testId="open-card-phone" />
        {isWeapp() && (
          <Text className="phone-field__switch" onClick={() => setTyping(false)} data-testid="open-card-use-wechat-phone">
            使用微信绑定的手机号
          </Text>
        )}
      </View>
    )
  }

  return (
    <View className={`text-field${error ? ' text-field--error' : ''}`}>
      <View className="text-field__row">
        <Text className="text-field__label">手机号</Text>
        {phoneCode ? (
          <>
            <Text className="phone-field__granted" data-testid="open-card-phone-granted">
              已授权微信手机号 ✓
            </Text>
            {/* The code is one-time and short-lived: let the user ask WeChat again rather than be stuck with it. */}
            <Text className="phone-field__reauth" onClick={() => onPhoneCode(null)} data-testid="open-card-phone-reauth">
              重新授权
            </Text>
          </>
        ) : (
          <Button
            className="phone-field__button"
            openType="getPhoneNumber"
            onGetPhoneNumber={(e) => {
              const code = e.detail.code
              setRefused(!code)
              onPhoneCode(code ?? null)
            }}
            data-testid="open-card-phone-button"
          >
            微信手机号快捷填写
          </Button>
        )}
      </View>
      {(error || refused) && <Text className="text-field__error">{error ?? '未获得授权，可重试或手动输入'}</Text>}
      <Text
        className="phone-field__switch"
        onClick={() => {
          onPhoneCode(null)
          setTyping(true)
        }}
        data-testid="open-card-type-phone"
      >
        手动输入手机号
      </Text>
    </View>
  )
}
