import { Text } from '@tarojs/components'
import { TextField } from '../../components/text-field'
import { ConfirmSheet } from '../till/ConfirmSheet'
import type { CancelEvent } from './use-cancel-event'

/** 取消活动: says what happens (registrations cancelled, points refunded, members told) and asks for a reason. */
export function CancelSheet({ c, registered }: { c: CancelEvent; registered: number }) {
  if (!c.open) return null
  return (
    <ConfirmSheet title="取消这个活动？" confirmText="确认取消活动" danger loading={c.cancelling} onConfirm={() => void c.confirm()} onCancel={c.close} testId="event-cancel" error={c.error}>
      <Text className="confirm-sheet__text">{`取消后，${registered} 个报名（含候补）将全部取消，已扣的报名积分将退回会员，并通知他们。此操作不能撤销。`}</Text>
      <TextField label="取消原因" value={c.reason} onChange={c.setReason} placeholder="必填，会告知会员，如：场地维修" maxlength={60} testId="event-cancel-reason" />
    </ConfirmSheet>
  )
}
