import { eventsApi } from '../../contract/events'

/**
 * The feedback form's check before sending. Its own file: it runs the contract's schema (zod), which the 活动 tab
 * (main package) must not carry just because it shares the events view-model.
 */
export interface FeedbackFields {
  rating?: string
  comment?: string
}

/** The contract's own rules (1–5 stars, ≤ 500 characters), checked before sending, with the server's words. */
export function checkFeedback(input: { registrationId: string; rating: number; comment?: string }): FeedbackFields {
  const parsed = eventsApi.submitEventFeedback.input.safeParse(input)
  if (parsed.success) return {}
  const fields: FeedbackFields = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path[0]
    if ((key === 'rating' || key === 'comment') && !fields[key]) fields[key] = issue.message
  }
  // No star chosen yet (0) is a missing answer, not a wrong one.
  if (input.rating === 0) fields.rating = '请选择评分'
  return fields
}
