import { Text, View } from '@tarojs/components'
import './editor.scss'

interface Props<T> {
  label: string
  options: ReadonlyArray<readonly [T, string]>
  value: T
  onChange: (value: T) => void
  testId: string
  error?: string
}

/** A labelled row of chips, one chosen (满减 / 折扣 / 兑换, the channel, the tier). */
export function ChoiceRow<T extends string | null>({ label, options, value, onChange, testId, error }: Props<T>) {
  return (
    <View className={`text-field${error ? ' text-field--error' : ''}`}>
      <View className="choice-row">
        <Text className="text-field__label">{label}</Text>
        <View className="choice-row__chips" data-testid={testId}>
          {options.map(([key, text]) => (
            <Text
              key={String(key)}
              className={`choice-row__chip${key === value ? ' choice-row__chip--on' : ''}`}
              onClick={() => onChange(key)}
              data-testid={`${testId}-${String(key)}`}
            >
              {text}
            </Text>
          ))}
        </View>
      </View>
      {error && (
        <Text className="text-field__error" data-testid={`${testId}-error`}>
          {error}
        </Text>
      )}
    </View>
  )
}
