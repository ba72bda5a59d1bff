import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { TextField } from '../../components/text-field'
import { ChoiceRow } from '../coupon-templates/ChoiceRow'
import { DateTimeField } from './DateTimeField'
import type { EventEditor } from './use-event-editor'
import { RULE_TIER_OPTIONS, TIER_RULE_OPTIONS } from './view-model'
import '../coupon-templates/editor.scss'
import './event-console.scss'

/** 活动: title, cover, place, description. */
export function BasicFields({ e }: { e: EventEditor }) {
  const { form: f, fields, set } = e
  return (
    <View className="template-editor__section">
      <TextField label="活动名称" value={f.title} onChange={(v) => set('title', v)} placeholder="如 周末手冲咖啡课" maxlength={30} testId="event-title" error={fields.title} />
      <View className={`text-field${fields.coverKey ? ' text-field--error' : ''}`}>
        <View className="text-field__row">
          <Text className="text-field__label">封面图片</Text>
          {f.coverUrl ? <Image className="cover-row__preview" src={f.coverUrl} mode="aspectFill" data-testid="event-cover-preview" /> : <Text className="date-field__value date-field__value--empty">未上传（显示默认图）</Text>}
          <Button size="small" loading={e.uploading} disabled={e.uploading} onClick={() => void e.pickCover()} data-testid="event-cover-pick">
            {f.coverUrl ? '更换' : '上传'}
          </Button>
          {f.coverUrl && (
            <Text className="date-field__clear" onClick={e.removeCover} data-testid="event-cover-remove">
              移除
            </Text>
          )}
        </View>
        {fields.coverKey && (
          <Text className="text-field__error" data-testid="event-cover-error">
            {fields.coverKey}
          </Text>
        )}
      </View>
      <TextField label="活动地点" value={f.place} onChange={(v) => set('place', v)} placeholder="如 一楼吧台" maxlength={40} testId="event-place" error={fields.place} />
      <TextField label="活动介绍" value={f.description} onChange={(v) => set('description', v)} placeholder="选填" maxlength={1000} testId="event-description" error={fields.description} />
    </View>
  )
}

/** 时间: start and end, the sign-up window, the cancel cut-off (all store time). */
export function TimeFields({ e }: { e: EventEditor }) {
  const { form: f, fields, set } = e
  return (
    <View className="template-editor__section">
      <DateTimeField label="开始时间" value={f.startsAt} onChange={(v) => set('startsAt', v)} testId="event-starts" error={fields.startsAt} />
      <DateTimeField label="结束时间" value={f.endsAt} onChange={(v) => set('endsAt', v)} testId="event-ends" error={fields.endsAt} fallback={f.startsAt} />
      <DateTimeField label="报名开始" value={f.signupFrom} onChange={(v) => set('signupFrom', v)} placeholder="不填为发布即可报名" testId="event-signup-from" error={fields.signupFrom} clearable />
      <DateTimeField label="报名截止" value={f.signupUntil} onChange={(v) => set('signupUntil', v)} placeholder="不填为活动开始前" testId="event-signup-until" error={fields.signupUntil} fallback={f.startsAt} clearable />
      <TextField label="取消截止" value={f.cancelCutoffHours} onChange={(v) => set('cancelCutoffHours', v)} placeholder="开始前几小时，默认 3" type="number" maxlength={3} testId="event-cutoff" error={fields.cancelCutoffHours} />
    </View>
  )
}

/** 名额与规则: capacity, the tier rule, points cost and the attendance reward. */
export function RuleFields({ e }: { e: EventEditor }) {
  const { form: f, fields, set } = e
  return (
    <View className="template-editor__section">
      <TextField label="名额" value={f.capacity} onChange={(v) => set('capacity', v)} placeholder="人" type="number" maxlength={5} testId="event-capacity" error={fields.capacity} />
      <ChoiceRow label="等级规则" options={TIER_RULE_OPTIONS} value={f.tierRule} onChange={(v) => set('tierRule', v)} testId="event-rule" />
      {f.tierRule !== 'none' && (
        <ChoiceRow label={f.tierRule === 'min' ? '最低等级' : '提前等级'} options={RULE_TIER_OPTIONS} value={f.tierCode} onChange={(v) => set('tierCode', v)} testId="event-tier" error={fields.tierCode} />
      )}
      {f.tierRule === 'early' && (
        <DateTimeField label="提前报名" value={f.earlySignupFrom} onChange={(v) => set('earlySignupFrom', v)} testId="event-early-from" error={fields.earlySignupFrom} fallback={f.signupFrom || f.startsAt} />
      )}
      <TextField label="报名所需积分" value={f.pointsCost} onChange={(v) => set('pointsCost', v)} placeholder="0 为免费" type="number" maxlength={7} testId="event-cost" error={fields.pointsCost} />
      <TextField label="签到奖励积分" value={f.rewardPoints} onChange={(v) => set('rewardPoints', v)} placeholder="0 为不奖励" type="number" maxlength={7} testId="event-reward" error={fields.rewardPoints} />
    </View>
  )
}
