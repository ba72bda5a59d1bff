import { callApi } from '../../services/api'
import { vibrateShort } from '../../services/device'
import { newRequestId } from '../common/request-id'
import { checkedInText } from '../event-door/view-model'
import { tillErrorMessage } from './messages'
import type { TillContext } from './till-context'

/** Refusals after which the preview is read again, so the panel says what the ticket is now (已签到 14:02 · 小王). */
const STALE: ReadonlySet<string> = new Set(['CHECK_IN_ALREADY_DONE', 'CHECK_IN_CANCELLED', 'CHECK_IN_WAITLISTED', 'CHECK_IN_CLOSED'])

/**
 * Event tickets at the till: a scanned E1 code's preview then 确认签到, and 签到 on one of the looked-up member's
 * open registrations (by the lookup's ticket and that event). One requestId per tap, kept while the answer is
 * unknown (offline), so a retry returns the first check-in instead of "已签到".
 */
export function ticketActions({ latest, setS, patch, run }: TillContext) {
  const preview = async (ticketCode: string) => {
    await run('lookup', async () => {
      const out = await callApi('staffPreviewTicket', { ticketCode })
      patch({ step: 'ticket', eventTicketCode: ticketCode, ticketPreview: out, checkedIn: null, checkInRequest: null, busy: null })
    })
  }

  const requestFor = (key: string) => {
    const kept = latest.current.checkInRequest
    const request = kept?.key === key ? kept : { key, requestId: newRequestId() }
    patch({ checkInRequest: request })
    return request.requestId
  }

  const checkIn = async (key: string, input: { ticketCode: string } | { memberTicket: string; eventId: string }) => {
    const requestId = requestFor(key)
    await run(
      'checkin',
      async () => {
        const out = await callApi('staffCheckIn', { ...input, requestId })
        vibrateShort()
        setS((prev) => ({
          ...prev,
          checkedIn: { entry: out.entry, text: checkedInText(out.rewardPoints, out.repeated) },
          ticketPreview: prev.ticketPreview && { entry: out.entry, event: out.event },
          eventEntries: prev.eventEntries.filter((e) => e.eventId !== out.entry.eventId),
          checkInRequest: null,
          busy: null,
        }))
      },
      (error) => {
        patch({ busy: null, checkInRequest: error.isOffline ? latest.current.checkInRequest : null, error: tillErrorMessage(error) })
        const code = latest.current.eventTicketCode
        if (STALE.has(error.code) && 'ticketCode' in input && code) {
          callApi('staffPreviewTicket', { ticketCode: code })
            .then((out) => patch({ ticketPreview: out }))
            .catch(() => undefined)
        }
      },
    )
  }

  /** 确认签到 on the scanned ticket's panel. */
  const confirmTicket = async () => {
    const code = latest.current.eventTicketCode
    if (code) await checkIn(code, { ticketCode: code })
  }

  /** 签到 on one of the looked-up member's registrations. */
  const checkInMember = async (eventId: string) => {
    const memberTicket = latest.current.ticket
    if (memberTicket) await checkIn(eventId, { memberTicket, eventId })
  }

  return { preview, confirmTicket, checkInMember }
}
