import { Text, View } from '@tarojs/components'
import type { EventNoticePreview } from '../../contract/event-publishing'
import { audienceText, whenText } from './view-model'
import './event-console.scss'

interface Props {
  preview: EventNoticePreview
  /** The truncated field shown in full. */
  expanded: string | null
  onExpand: (key: string | null) => void
}

/**
 * What members will get: the counts, the in-app (消息) copy, and the WeChat message as WeChat shows it: the template
 * title, each field's label and value; a cut value is marked 已截断 and shows in full on tap.
 */
export function NoticePreview({ preview: p, expanded, onExpand }: Props) {
  return (
    <View className="notice-preview" data-testid="publish-preview">
      <Text className="notice-preview__audience" data-testid="publish-audience">
        {audienceText(p)}
      </Text>
      <View className="notice-preview__box" data-testid="publish-inapp">
        <Text className="notice-preview__title">站内消息：{p.inApp.title}</Text>
        <Text>{p.inApp.body}</Text>
      </View>
      {p.wechat ? (
        <View className="notice-preview__box" data-testid="publish-wechat">
          <Text className="notice-preview__title">微信消息：{p.wechat.templateTitle}</Text>
          {p.wechat.fields.map((f) => (
            <View key={f.key} className="notice-preview__field" data-testid={`publish-field-${f.key}`} onClick={() => f.truncated && onExpand(expanded === f.key ? null : f.key)}>
              <Text className="notice-preview__label">{f.label}</Text>
              <Text className="notice-preview__value">
                {expanded === f.key && f.full ? f.full : f.value}
                {f.truncated && <Text className="notice-preview__cut">{expanded === f.key ? '（完整内容）' : '已截断'}</Text>}
              </Text>
            </View>
          ))}
          {p.wechat.problems.map((problem) => (
            <Text key={problem} className="notice-preview__problem" data-testid="publish-problem">
              {problem}
            </Text>
          ))}
          {p.wechatSendsAt && (
            <Text className="notice-preview__quiet" data-testid="publish-quiet">
              {`免打扰时段，微信消息将于 ${whenText(p.wechatSendsAt)} 发送`}
            </Text>
          )}
        </View>
      ) : (
        <Text className="notice-preview__problem" data-testid="publish-no-template">
          未配置微信模板，仅发送站内消息
        </Text>
      )}
    </View>
  )
}
