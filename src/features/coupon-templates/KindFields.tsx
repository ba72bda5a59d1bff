import { View } from '@tarojs/components'
import { TextField } from '../../components/text-field'
import { ChoiceRow } from './ChoiceRow'
import { KIND_OPTIONS } from './labels'
import type { TemplateEditor } from './use-template-editor'

/** What the coupon gives: 满减 (amount off above a threshold), 折扣 (8.8折, optional 最多减), 兑换 (a gift). */
export function KindFields({ e }: { e: TemplateEditor }) {
  const { form: f, fields, set } = e
  return (
    <View className="template-editor__section">
      <TextField label="券名称" value={f.name} onChange={(v) => set('name', v)} placeholder="如：满200减30" maxlength={20} testId="tpl-name" error={fields.name} />
      <ChoiceRow label="类型" options={KIND_OPTIONS} value={f.kind} onChange={(v) => set('kind', v)} testId="tpl-kind" error={fields.kind} />
      {f.kind !== 'gift' && (
        <TextField label="使用门槛" value={f.threshold} onChange={(v) => set('threshold', v)} placeholder="满多少元可用，不填为无门槛" type="digit" maxlength={12} testId="tpl-threshold" error={fields.threshold} />
      )}
      {f.kind === 'amount_off' && (
        <TextField label="减免金额" value={f.amountOff} onChange={(v) => set('amountOff', v)} placeholder="元，如 30" type="digit" maxlength={12} testId="tpl-amount-off" error={fields.amountOff} />
      )}
      {f.kind === 'percent_off' && (
        <>
          <TextField label="折扣" value={f.discount} onChange={(v) => set('discount', v)} placeholder="如 8.8（即 8.8 折）" type="digit" maxlength={4} testId="tpl-discount" error={fields.discount} />
          <TextField label="最多减" value={f.maxDiscount} onChange={(v) => set('maxDiscount', v)} placeholder="元，选填" type="digit" maxlength={12} testId="tpl-max-discount" error={fields.maxDiscount} />
        </>
      )}
      {f.kind === 'gift' && (
        <TextField label="兑换礼品" value={f.giftName} onChange={(v) => set('giftName', v)} placeholder="如：美式咖啡一杯" maxlength={30} testId="tpl-gift" error={fields.giftName} />
      )}
      <TextField label="使用说明" value={f.description} onChange={(v) => set('description', v)} placeholder="选填" maxlength={200} testId="tpl-description" error={fields.description} />
    </View>
  )
}
