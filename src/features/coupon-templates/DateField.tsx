import { Text, View } from '@tarojs/components'
import { DatePicker } from '@nutui/nutui-react-taro'
import { useMemo, useState } from 'react'
import './editor.scss'

const pad = (n: number) => String(n).padStart(2, '0')
const toText = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
const toDate = (s: string) => {
  const [y, m, d] = s.split('-').map(Number)
  return s ? new Date(y, m - 1, d) : new Date()
}

interface Props {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder: string
  testId: string
  error?: string
  /** Optional dates can be cleared. */
  clearable?: boolean
}

/** A calendar date (store zone, 'YYYY-MM-DD') chosen with NutUI's DatePicker. */
export function DateField({ label, value, onChange, placeholder, testId, error, clearable }: Props) {
  const [open, setOpen] = useState(false)
  // Stable objects: a new Date each render would make the picker reset its columns on every keystroke elsewhere.
  const picked = useMemo(() => toDate(value), [value])
  const [start, end] = useMemo(() => {
    const year = new Date().getFullYear()
    return [new Date(year - 1, 0, 1), new Date(year + 5, 11, 31)]
  }, [])
  return (
    <View className={`text-field${error ? ' text-field--error' : ''}`}>
      <View className="text-field__row" onClick={() => setOpen(true)} data-testid={testId}>
        <Text className="text-field__label">{label}</Text>
        <Text className={`date-field__value${value ? '' : ' date-field__value--empty'}`}>{value || placeholder}</Text>
        {clearable && value && (
          <Text
            className="date-field__clear"
            onClick={(e) => {
              e.stopPropagation()
              onChange('')
            }}
          >
            清除
          </Text>
        )}
      </View>
      {error && (
        <Text className="text-field__error" data-testid={`${testId}-error`}>
          {error}
        </Text>
      )}
      <DatePicker
        visible={open}
        title={label}
        type="date"
        showChinese
        value={picked}
        startDate={start}
        endDate={end}
        onClose={() => setOpen(false)}
        onConfirm={(_, values) => {
          const [y, m, d] = values.map(Number)
          onChange(toText(new Date(y, m - 1, d)))
          setOpen(false)
        }}
      />
    </View>
  )
}
