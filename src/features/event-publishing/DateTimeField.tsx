import { Text, View } from '@tarojs/components'
import { DatePicker } from '@nutui/nutui-react-taro'
import { useMemo, useState } from 'react'
import '../coupon-templates/editor.scss'

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * "YYYY-MM-DD HH:mm" is a wall-clock time in the STORE's zone. The picker works on a JS Date in the phone's zone,
 * so the same fields go in and come out (never an instant): the manager picks 14:00 and the store gets 14:00,
 * whatever zone the phone is in.
 */
const toDate = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(s)
  return m ? new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) : null
}
export const pickedText = (values: Array<string | number>) => {
  const [y, mo, d, h, mi] = values.map(Number)
  return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}`
}

interface Props {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  testId: string
  error?: string
  /** Where the picker opens when the field is empty. */
  fallback?: string
  clearable?: boolean
}

/**
 * A date and time (store time, "YYYY-MM-DD HH:mm"). In WeChat: NutUI's DatePicker (type datetime). In a browser:
 * the browser's own date-time input laid invisibly over the row, so a tap opens the native chooser (a calendar on a
 * computer, where managers usually run the console, wheels on a phone) and the value can also be typed.
 * `process.env.TARO_ENV` is a literal at build time, so the weapp bundle carries no <input>.
 */
export function DateTimeField({ label, value, onChange, placeholder = '请选择', testId, error, fallback, clearable }: Props) {
  const native = process.env.TARO_ENV === 'h5'
  const [open, setOpen] = useState(false)
  const picked = useMemo(() => toDate(value) ?? toDate(fallback ?? '') ?? new Date(), [value, fallback])
  const [start, end] = useMemo(() => {
    const year = new Date().getFullYear()
    return [new Date(year - 1, 0, 1), new Date(year + 3, 11, 31)]
  }, [])
  return (
    <View className={`text-field${error ? ' text-field--error' : ''}`}>
      <View className="text-field__row date-field__row" onClick={native ? undefined : () => setOpen(true)} data-testid={testId}>
        <Text className="text-field__label">{label}</Text>
        <Text className={`date-field__value${value ? '' : ' date-field__value--empty'}`} data-testid={`${testId}-value`}>
          {value || placeholder}
        </Text>
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
        {native && (
          <input
            className="date-field__native"
            type="datetime-local"
            aria-label={label}
            value={value.replace(' ', 'T')}
            onFocus={(e) => {
              // An empty field opens on the fallback (tomorrow 14:00), as the picker does.
              if (!value && fallback) e.currentTarget.value = fallback.replace(' ', 'T')
            }}
            onChange={(e) => onChange(e.currentTarget.value ? e.currentTarget.value.slice(0, 16).replace('T', ' ') : '')}
            data-testid={`${testId}-input`}
          />
        )}
      </View>
      {error && (
        <Text className="text-field__error" data-testid={`${testId}-error`}>
          {error}
        </Text>
      )}
      {!native && (
      <DatePicker
        visible={open}
        title={label}
        type="datetime"
        showChinese
        value={picked}
        startDate={start}
        endDate={end}
        onClose={() => setOpen(false)}
        onConfirm={(_, values) => {
          onChange(pickedText(values))
          setOpen(false)
        }}
      />
      )}
    </View>
  )
}
