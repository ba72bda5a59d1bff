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
 * A labelled text input with its error line. On H5 the test id goes onto the real <input> (through Taro's
 * nativeProps), not the <taro-input-core> wrapper, so browser tests can type into it.
 */
export function TextField({ label, value, onChange, placeholder, type = 'text', maxlength, error, testId, disabled, onConfirm }: Props) {
  const idProps = process.env.TARO_ENV === 'h5' ? { nativeProps: { 'data-testid': testId } } : { 'data-testid': testId }
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
          {...idProps}
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
