import { useCallback } from 'react'
import type { EventFeedbackView, RegistrationView } from '../../contract/events'
import { callApi } from '../../services/api'
import { useCodeRecord } from '../common/use-code-record'
import { pointsText } from './view-model'

/**
 * One of the member's registrations. While it holds a seat its ticket shows as a QR at full brightness (like the
 * member code and a pick-up code); 取消报名 / 退出候补 returns the points (the server does it once, whatever the taps).
 */
export function useRegistration(visible: boolean) {
  const d = useCodeRecord<RegistrationView, { pointsBack: number; balance: number }>(
    {
      fetch: async (registrationId) => (await callApi('getMyRegistration', { registrationId })).registration,
      cancel: async (registrationId) => {
        const out = await callApi('cancelMyRegistration', { registrationId })
        return { record: out.registration, done: { pointsBack: out.registration.pointsRefunded ?? 0, balance: out.pointsBalance } }
      },
      cancelledText: ({ pointsBack }) => (pointsBack > 0 ? `已取消，${pointsText(pointsBack)} 积分已退回` : '已取消'),
      codeOf: (r) => ((r.status === 'registered' || r.status === 'attended') && r.ticketCode ? r.ticketCode : null),
      // Full brightness only while the ticket is there to be scanned (not after check-in).
      brightFor: (r) => r.status === 'registered',
    },
    visible,
  )
  const { patch, load } = d

  /** The feedback form saved: show it, and reload for canGiveFeedback / editableUntil as the server sees them. */
  const feedbackSaved = useCallback(
    (feedback: EventFeedbackView) => {
      patch((r) => ({ ...r, feedback }))
      void load()
    },
    [patch, load],
  )

  /** After 取消报名: the balance now (the points that came back are on the registration). */
  const balanceAfterCancel = d.cancelled?.balance ?? null
  return { ...d, registration: d.record, balanceAfterCancel, feedbackSaved }
}
