import { Text, View } from '@tarojs/components'
import { TextField } from '../../components/text-field'
import { ChoiceRow } from './ChoiceRow'
import { DateField } from './DateField'
import type { TemplateEditor } from './use-template-editor'

const VALIDITY_OPTIONS = [
  ['days', '领取后有效'],
  ['fixed', '固定日期'],
] as const

/** When a coupon can be used: fixed dates (00:00:00 to 23:59:59 store time), or N days after it is claimed. */
export function ValidityFields({ e }: { e: TemplateEditor }) {
  const { form: f, fields, set } = e
  return (
    <View className="template-editor__section">
      <ChoiceRow label="有效期" options={VALIDITY_OPTIONS} value={f.validityKind} onChange={(v) => set('validityKind', v)} testId="tpl-validity" />
      {f.validityKind === 'fixed' ? (
        <>
          <DateField label="开始日期" value={f.validFrom} onChange={(v) => set('validFrom', v)} placeholder="选择日期" testId="tpl-valid-from" />
          <DateField label="结束日期" value={f.validTo} onChange={(v) => set('validTo', v)} placeholder="选择日期" testId="tpl-valid-to" />
        </>
      ) : (
        <TextField label="有效天数" value={f.validDays} onChange={(v) => set('validDays', v)} placeholder="领取后 N 天内有效" type="number" maxlength={4} testId="tpl-valid-days" />
      )}
      {fields.validity && (
        <Text className="template-editor__note text-field__error" data-testid="tpl-validity-error">
          {fields.validity}
        </Text>
      )}
      {f.channel === 'birthday' && <Text className="template-editor__note">生日券的有效期为生日当月，到月底 23:59:59 止。</Text>}
    </View>
  )
}
