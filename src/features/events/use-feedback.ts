import { useCallback, useRef, useState } from 'react'
import type { EventFeedbackView } from '../../contract/events'
import { callApi, toApiError } from '../../services/api'
import { toast } from '../../services/device'
import { checkFeedback, type FeedbackFields } from './feedback-check'

/**
 * The feedback form: stars and a comment, checked here by the contract and again by the server (BAD_INPUT field
 * errors show under their field). Once per event; the server keeps it changeable for 7 days.
 */
export function useFeedback(registrationId: string, onSaved: (f: EventFeedbackView) => void, from: EventFeedbackView | null) {
  const [rating, setRating] = useState(from?.rating ?? 0)
  const [comment, setComment] = useState(from?.comment ?? '')
  const [fields, setFields] = useState<FeedbackFields>({})
  const [saving, setSaving] = useState(false)
  const busy = useRef(false)

  const submit = useCallback(async () => {
    if (busy.current) return
    const trimmed = comment.trim()
    const input = { registrationId, rating, ...(trimmed ? { comment: trimmed } : {}) }
    const checked = checkFeedback(input)
    setFields(checked)
    if (checked.rating || checked.comment) return
    busy.current = true
    setSaving(true)
    try {
      const out = await callApi('submitEventFeedback', input)
      toast('感谢你的评价', 'success')
      onSaved(out.feedback)
    } catch (e) {
      const error = toApiError(e)
      const server: FeedbackFields = { rating: error.fields?.rating, comment: error.fields?.comment }
      setFields(server)
      if (!server.rating && !server.comment) toast(error.message)
    } finally {
      busy.current = false
      setSaving(false)
    }
  }, [comment, onSaved, rating, registrationId])

  const change = {
    rating: (n: number) => {
      setRating(n)
      setFields((f) => ({ ...f, rating: undefined }))
    },
    comment: (text: string) => {
      setComment(text)
      setFields((f) => ({ ...f, comment: undefined }))
    },
  }
  return { rating, comment, fields, saving, submit, change }
}
