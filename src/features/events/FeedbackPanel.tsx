import { Text, View } from '@tarojs/components'
import { Button, Rate, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { EventFeedbackView } from '../../contract/events'
import { useFeedback } from './use-feedback'
import { COMMENT_MAX, feedbackEditable, momentText } from './view-model'

interface FormProps {
  registrationId: string
  from: EventFeedbackView | null
  onSaved: (f: EventFeedbackView) => void
}

/** Stars (1–5) and a comment of at most 500 characters with its counter; errors under their field. */
function FeedbackForm({ registrationId, from, onSaved }: FormProps) {
  const f = useFeedback(registrationId, onSaved, from)
  return (
    <View className="feedback-form" data-testid="feedback-form">
      <View className="feedback-form__rate" data-testid="feedback-rate">
        <Rate value={f.rating} count={5} onChange={f.change.rating} />
      </View>
      {f.fields.rating && (
        <Text className="feedback-form__error" data-testid="feedback-rating-error">
          {f.fields.rating}
        </Text>
      )}
      <TextArea
        className="feedback-form__comment"
        value={f.comment}
        onChange={f.change.comment}
        maxLength={COMMENT_MAX}
        showCount
        placeholder="说说你的感受（选填）"
        data-testid="feedback-comment"
      />
      {f.fields.comment && (
        <Text className="feedback-form__error" data-testid="feedback-comment-error">
          {f.fields.comment}
        </Text>
      )}
      <Button type="primary" block loading={f.saving} disabled={f.saving} onClick={() => void f.submit()} data-testid="feedback-submit">
        提交评价
      </Button>
    </View>
  )
}

interface Props {
  registrationId: string
  feedback: EventFeedbackView | null
  /** The server's word: feedback can be given, or the given one changed, now. */
  canGiveFeedback: boolean
  onSaved: (f: EventFeedbackView) => void
}

/** After check-in: the feedback given (with 修改 while it may change), or the form for it. */
export function FeedbackPanel({ registrationId, feedback, canGiveFeedback, onSaved }: Props) {
  const [editing, setEditing] = useState(false)
  const saved = (f: EventFeedbackView) => {
    setEditing(false)
    onSaved(f)
  }
  if (!feedback && !canGiveFeedback) return null
  return (
    <View className="registration-page__panel" data-testid="feedback">
      <Text className="registration-page__heading">活动评价</Text>
      {feedback && !editing ? (
        <View className="feedback-given" data-testid="feedback-given">
          <Text className="feedback-given__stars" data-testid="feedback-stars">
            {'★'.repeat(feedback.rating) + '☆'.repeat(5 - feedback.rating)}
          </Text>
          {feedback.comment && <Text className="feedback-given__comment">{feedback.comment}</Text>}
          {canGiveFeedback && feedbackEditable(feedback.editableUntil, Date.now()) && (
            <View className="feedback-given__edit">
              <Text className="feedback-given__until">{`${momentText(feedback.editableUntil)} 前可修改`}</Text>
              <Text className="feedback-given__link" onClick={() => setEditing(true)} data-testid="feedback-edit">
                修改
              </Text>
            </View>
          )}
        </View>
      ) : (
        <FeedbackForm registrationId={registrationId} from={feedback} onSaved={saved} />
      )}
    </View>
  )
}
