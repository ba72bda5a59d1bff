import { Text } from '@tarojs/components'
import { TextField } from '../../components/text-field'
import { BirthdayField } from '../open-card/BirthdayField'
import { ConfirmSheet } from './ConfirmSheet'
import type { useBirthdayCorrection } from './use-birthday-correction'

/** The 修改生日 sheet (managers): the corrected birthday and why; the change is audited on the server. */
export function BirthdaySheet({ b }: { b: ReturnType<typeof useBirthdayCorrection> }) {
  if (!b.open) return null
  return (
    <ConfirmSheet
      title="修改会员生日"
      confirmText="确认修改"
      loading={b.saving}
      onConfirm={() => void b.submit()}
      onCancel={b.close}
      testId="till-birthday-fix"
      error={b.error}
    >
      <Text className="confirm-sheet__text">会员设置后无法自行修改；本次修改将记录操作人和原因，已发放的生日礼不受影响。</Text>
      <BirthdayField value={b.birthday} onChange={b.setBirthday} error={b.fields.birthday} placeholder="请选择正确的生日" note={null} />
      <TextField
        label="修改原因"
        value={b.reason}
        onChange={b.setReason}
        placeholder="必填，如：开卡时录入错误"
        maxlength={60}
        error={b.fields.reason}
        testId="till-birthday-fix-reason"
      />
    </ConfirmSheet>
  )
}
