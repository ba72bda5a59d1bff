import { Switch } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { TextField } from '../../components/text-field'
import { ChoiceRow } from './ChoiceRow'
import { DateField } from './DateField'
import { CHANNEL_OPTIONS, TIER_OPTIONS } from './labels'
import type { TemplateEditor } from './use-template-editor'

/** How many, for whom, and how members get it (领券中心 with its claim window, or only issued). */
export function AudienceFields({ e }: { e: TemplateEditor }) {
  const { form: f, fields, set } = e
  return (
    <View className="template-editor__section">
      <ChoiceRow label="发放方式" options={CHANNEL_OPTIONS} value={f.channel} onChange={(v) => set('channel', v)} testId="tpl-channel" error={fields.channel} />
      {f.channel === 'claim' && (
        <>
          <DateField label="领取开始" value={f.claimFrom} onChange={(v) => set('claimFrom', v)} placeholder="不填为立即开始" testId="tpl-claim-from" error={fields.claimFrom} clearable />
          <DateField label="领取结束" value={f.claimTo} onChange={(v) => set('claimTo', v)} placeholder="不填为不限" testId="tpl-claim-to" error={fields.claimTo} clearable />
        </>
      )}
      {f.channel === 'birthday' && (
        <ChoiceRow label="生日等级" options={TIER_OPTIONS} value={f.birthdayTierCode} onChange={(v) => set('birthdayTierCode', v)} testId="tpl-birthday-tier" error={fields.birthdayTierCode} />
      )}
      <View className="text-field">
        <View className="text-field__row">
          <Text className="text-field__label">不限总量</Text>
          <Switch checked={f.unlimited} onChange={(v) => set('unlimited', v)} data-testid="tpl-unlimited" />
        </View>
      </View>
      {!f.unlimited && (
        <TextField label="发放总量" value={f.total} onChange={(v) => set('total', v)} placeholder="张" type="number" maxlength={8} testId="tpl-total" error={fields.total} />
      )}
      <TextField label="每人限领" value={f.perMember} onChange={(v) => set('perMember', v)} placeholder="张" type="number" maxlength={3} testId="tpl-per-member" error={fields.perMember} />
      <ChoiceRow label="最低等级" options={TIER_OPTIONS} value={f.minTierCode} onChange={(v) => set('minTierCode', v)} testId="tpl-min-tier" error={fields.minTierCode} />
    </View>
  )
}
