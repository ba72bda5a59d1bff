import { Text, View } from '@tarojs/components'
import { Button, Switch } from '@nutui/nutui-react-taro'
import { LoadingBlock } from '../../components/state-view'
import { ChoiceRow } from '../coupon-templates/ChoiceRow'
import { ConfirmSheet } from '../till/ConfirmSheet'
import { DateTimeField } from './DateTimeField'
import { NoticePreview } from './NoticePreview'
import type { Publish } from './use-publish'

const MODES = [
  ['now', '立即发布'],
  ['scheduled', '定时发布'],
] as const

/** 发布活动: now or at a time, with or without a notice; the notice previewed before anything is sent. */
export function PublishSheet({ p }: { p: Publish }) {
  if (!p.open) return null
  return (
    <ConfirmSheet
      title="发布活动"
      confirmText={p.mode === 'scheduled' ? '定时发布' : '立即发布'}
      loading={p.publishing}
      onConfirm={() => void p.confirm()}
      onCancel={p.close}
      testId="publish"
      error={p.error}
    >
      <ChoiceRow label="发布方式" options={MODES} value={p.mode} onChange={p.setMode} testId="publish-mode" />
      {p.mode === 'scheduled' && <DateTimeField label="发布时间" value={p.publishAt} onChange={p.setPublishAt} testId="publish-at" />}
      <View className="text-field">
        <View className="text-field__row">
          <Text className="text-field__label">通知会员</Text>
          <Switch checked={p.notify} onChange={(v) => p.setNotify(v)} data-testid="publish-notify" />
        </View>
      </View>
      {p.notify && p.previewStatus === 'loading' && <LoadingBlock text="正在生成通知预览…" />}
      {p.notify && p.previewStatus === 'error' && (
        <Button size="small" onClick={() => void p.loadPreview()} data-testid="publish-preview-retry">
          预览加载失败，重试
        </Button>
      )}
      {p.notify && p.preview && <NoticePreview preview={p.preview} expanded={p.expanded} onExpand={p.expand} />}
      {!p.notify && <Text className="confirm-sheet__text">不通知会员：会员可在「活动」页看到该活动。</Text>}
    </ConfirmSheet>
  )
}
