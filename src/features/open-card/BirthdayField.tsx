import { Text, View } from '@tarojs/components'
import { Picker } from '@nutui/nutui-react-taro'
import { useMemo, useState } from 'react'
import { birthdayColumns, clampDraft, NO_YEAR, type Draft } from './birthday'
import { birthdayText, type OpenCardForm } from './form'
import '../../components/text-field/index.scss'
import './BirthdayField.scss'

type Birthday = OpenCardForm['birthday']

/**
 * Month and day (the year is optional: "不填年份"), picked with NutUI's Picker. The columns follow the draft:
 * each month offers its real days, and nothing after today is offered.
 */
export function BirthdayField({
  value,
  onChange,
  error,
  placeholder = '选填，生日月可领生日礼',
  note = '生日设置后不可自行修改',
}: {
  value: Birthday
  onChange: (b: Birthday) => void
  error?: string
  /** What the empty row says (optional at 开卡; the 生日礼 page asks for it). */
  placeholder?: string
  /** The line under the row (a member is told the birthday is set once; staff correcting it need no such line). */
  note?: string | null
}) {
  const [open, setOpen] = useState(false)
  const nowMs = useMemo(() => Date.now(), [open])
  const [draft, setDraft] = useState<Draft>([NO_YEAR, 1, 1])
  const columns = useMemo(() => birthdayColumns(draft, nowMs), [draft, nowMs])

  const openPicker = () => {
    setDraft(clampDraft([value?.year ?? NO_YEAR, value?.month ?? 1, value?.day ?? 1], Date.now()))
    setOpen(true)
  }

  return (
    <View className={`text-field${error ? ' text-field--error' : ''}`}>
      <View className="text-field__row" onClick={openPicker} data-testid="open-card-birthday">
        <Text className="text-field__label">生日</Text>
        <Text className={`open-card__picker-value${value ? '' : ' open-card__picker-value--empty'}`}>
          {value ? birthdayText(value) : placeholder}
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
      {note && <Text className="open-card__note">{note}</Text>}
      <Picker
        visible={open}
        title="选择生日"
        options={columns}
        value={draft}
        onChange={(_, values) => setDraft(clampDraft(values.map(Number) as Draft, nowMs))}
        onClose={() => setOpen(false)}
        onConfirm={(_, values) => {
          const [year, month, day] = clampDraft(values.map(Number) as Draft, nowMs)
          onChange({ month, day, ...(year ? { year } : {}) })
          setOpen(false)
        }}
      />
    </View>
  )
}
