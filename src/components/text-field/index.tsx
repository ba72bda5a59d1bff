import { Input, Text, View } from '@tarojs/components'
import type { InputProps } from '@tarojs/components'
import './index.scss'

interface Props {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  type?: InputProps['type']
  maxlength?: number
  error?: string
  testId: string
  disabled?: boolean
  onConfirm?: () => void
}

/**
 * A labelled text input with its error line. The test id sits on Taro's <Input> (on H5 the <taro-input-core>
 * host, whose real <input> is its child: browser tests type into `[data-testid=…] input`).
 */
export function TextField({ label, value, onChange, placeholder, type = 'text', maxlength, error, testId, disabled, onConfirm }: Props) {
  return (
    <View className={`text-field${error ? ' text-field--error' : ''}`}>
      <View className="text-field__row">
        <Text className="text-field__label">{label}</Text>
        <Input
          className="text-field__input"
          value={value}
          type={type}
          placeholder={placeholder}
          maxlength={maxlength}
          disabled={disabled}
          onInput={(e) => onChange(e.detail.value)}
          onConfirm={onConfirm}
          data-testid={testId}
        />
      </View>
      {error && (
        <Text className="text-field__error" data-testid={`${testId}-error`}>
          {error}
        </Text>
      )}
    </View>
  )
}
