import { Text, View } from '@tarojs/components'
import { Picker } from '@nutui/nutui-react-taro'
import { useMemo, useState } from 'react'
import { birthdayText, type OpenCardForm } from './form'

const NO_YEAR = 0
const FIRST_YEAR = 1930

type Birthday = OpenCardForm['birthday']

/** Month and day (the year is optional: "不填年份"), picked with NutUI's Picker. Invalid dates are caught by the schema. */
export function BirthdayField({ value, onChange, error }: { value: Birthday; onChange: (b: Birthday) => void; error?: string }) {
  const [open, setOpen] = useState(false)
  const options = useMemo(() => {
    const thisYear = new Date().getFullYear()
    const years = [{ text: '不填年份', value: NO_YEAR }]
    for (let y = thisYear; y >= FIRST_YEAR; y--) years.push({ text: `${y} 年`, value: y })
    const months = Array.from({ length: 12 }, (_, i) => ({ text: `${i + 1} 月`, value: i + 1 }))
    const days = Array.from({ length: 31 }, (_, i) => ({ text: `${i + 1} 日`, value: i + 1 }))
    return [years, months, days]
  }, [])
  const current = [value?.year ?? NO_YEAR, value?.month ?? 1, value?.day ?? 1]

  return (
    <View className={`text-field${error ? ' text-field--error' : ''}`}>
      <View className="text-field__row" onClick={() => setOpen(true)} data-testid="open-card-birthday">
        <Text className="text-field__label">生日</Text>
        <Text className={`open-card__picker-value${value ? '' : ' open-card__picker-value--empty'}`}>
          {value ? birthdayText(value) : '选填，生日月可领生日礼'}
        </Text>
        {value && (
          <Text
            className="open-card__clear"
            onClick={(e) => {
              e.stopPropagation()
              onChange(null)
            }}
          >
            清除
          </Text>
        )}
      </View>
      {error && (
        <Text className="text-field__error" data-testid="open-card-birthday-error">
          {error}
        </Text>
      )}
      <Text className="open-card__note">生日设置后不可自行修改</Text>
      <Picker
        visible={open}
        title="选择生日"
        options={options}
        value={current}
        onClose={() => setOpen(false)}
        onConfirm={(_, values) => {
          const [year, month, day] = values.map(Number)
          onChange({ month, day, ...(year ? { year } : {}) })
          setOpen(false)
        }}
      />
    </View>
  )
}
