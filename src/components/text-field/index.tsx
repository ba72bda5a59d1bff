import { Input, Text, View } from '@tarojs/components'
import type { InputProps } from '@tarojs/components'
import { useState } from 'react'
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
  // A tap on the label focuses the input, as a <label> would: Taro's label cannot reach the input inside
  // <taro-input-core> on H5, so the input's own `focus` property does it on both platforms.
  const [focused, setFocused] = useState(false)
  return (
    <View className={`text-field${error ? ' text-field--error' : ''}`}>
      <View className="text-field__row">
        <Text className="text-field__label" onClick={() => !disabled && setFocused(true)} data-testid={`${testId}-label`}>
          {label}
        </Text>
        <Input
          className="text-field__input"
          value={value}
          type={type}
          placeholder={placeholder}
          maxlength={maxlength}
          disabled={disabled}
          focus={focused}
          onBlur={() => setFocused(false)}
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
