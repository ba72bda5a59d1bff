import { useCallback, useRef, useState } from 'react'
import { eventDoorApi, type DoorEntryView, type DoorEventView } from '../../contract/event-door'
import { routeScannedCode } from '../../domain/scan-code'
import { callApi, toApiError, type ApiError } from '../../services/api'
import { scanCode, toast, vibrateShort } from '../../services/device'
import { newRequestId } from '../common/request-id'
import { checkedInText } from './view-model'

/** Refusals of a member code that 现场补签 answers: not registered, still waitlisted, or cancelled. */
const WALK_IN_CODES: ReadonlySet<string> = new Set(['CHECK_IN_NOT_REGISTERED', 'CHECK_IN_WAITLISTED', 'CHECK_IN_CANCELLED'])
const voidInput = eventDoorApi.staffVoidCheckIn.input

export type DoorResult =
  | { ok: true; text: string; who: string }
  | { ok: false; text: string; code: string | null; /** The member's lookup ticket when 现场补签 is offered. */ walkIn: string | null }

/** The tap's idempotency key and what it is for (a scanned code, or a walk-in), kept while the answer is unknown. */
interface Pending {
  key: string
  requestId: string
  memberTicket?: string
}

export interface DoorScanState {
  codeText: string
  busy: 'scan' | 'walkin' | 'void' | null
  result: DoorResult | null
  voiding: DoorEntryView | null
  voidReason: string
  voidError: string | null
}

const initial: DoorScanState = { codeText: '', busy: null, result: null, voiding: null, voidReason: '', voidError: null }

/**
 * The door's scanner: an E1 ticket is checked in for THIS event (another event's ticket is refused by the server);
 * a 24-digit member code is looked up, then checked in by its lookup ticket; when that member holds no seat,
 * 现场补签 is offered. One request at a time; one requestId per tap, kept for a retry after a network failure.
 */
export function useDoorScan(eventId: string | null, onEntry: (entry: DoorEntryView, event?: DoorEventView) => void) {
  const [s, setS] = useState<DoorScanState>(initial)
  const patch = (p: Partial<DoorScanState>) => setS((prev) => ({ ...prev, ...p }))
  const busy = useRef(false)
  const pending = useRef<Pending | null>(null)
  const latest = useRef(s)
  latest.current = s

  const pendingFor = (key: string, memberTicket?: string): Pending => {
    if (pending.current?.key !== key) pending.current = { key, requestId: newRequestId(), memberTicket }
    return pending.current
  }

  const once = async (kind: 'scan' | 'walkin', work: () => Promise<void>, onError: (e: ApiError) => void) => {
    if (busy.current || !eventId) return
    busy.current = true
    patch({ busy: kind, result: null })
    try {
      await work()
    } catch (e) {
      const error = toApiError(e)
      if (!error.isOffline) pending.current = null
      onError(error)
    } finally {
      busy.current = false
      patch({ busy: null })
    }
  }

  const succeed = (out: { entry: DoorEntryView; event: DoorEventView; rewardPoints: number; repeated: boolean }) => {
    pending.current = null
    vibrateShort()
    onEntry(out.entry, out.event)
    patch({ codeText: '', result: { ok: true, text: checkedInText(out.rewardPoints, out.repeated), who: `${out.entry.nickname} ${out.entry.phoneMasked}` } })
  }
  const refuse = (error: ApiError, walkIn: string | null = null) => patch({ result: { ok: false, text: error.message, code: error.code, walkIn } })

  const submit = useCallback(
    async (codeOverride?: string) => {
      const text = codeOverride ?? latest.current.codeText
      const routed = routeScannedCode(text)
      if (routed.kind !== 'ticket' && routed.kind !== 'member') {
        return patch({ codeText: text, result: { ok: false, text: '无法识别的码，请扫描活动票（E1 开头）或 24 位会员码', code: null, walkIn: null } })
      }
      patch({ codeText: text })
      let memberTicket: string | null = null
      await once(
        'scan',
        async () => {
          if (routed.kind === 'ticket') {
            const p = pendingFor(routed.code)
            return succeed(await callApi('staffCheckIn', { ticketCode: routed.code, eventId: eventId!, requestId: p.requestId }))
          }
          // A retry of the same member code reuses the first lookup's ticket with the same requestId.
          const kept = pending.current?.key === routed.code ? pending.current.memberTicket : undefined
          memberTicket = kept ?? (await callApi('staffLookupMember', { memberCode: routed.code })).ticket
          const p = pendingFor(routed.code, memberTicket)
          succeed(await callApi('staffCheckIn', { memberTicket, eventId: eventId!, requestId: p.requestId }))
        },
        (error) => refuse(error, memberTicket && WALK_IN_CODES.has(error.code) ? memberTicket : null),
      )
    },
    [eventId],
  )

  const scan = useCallback(async () => {
    const code = await scanCode()
    if (code) await submit(code)
  }, [submit])

  /** 现场补签: the refused member takes a free seat and is checked in (EVENT_FULL when none). */
  const walkIn = useCallback(async () => {
    const result = latest.current.result
    const memberTicket = result && !result.ok ? result.walkIn : null
    if (!memberTicket) return
    await once(
      'walkin',
      async () => {
        const p = pendingFor(`walkin:${memberTicket}`, memberTicket)
        succeed(await callApi('staffWalkIn', { eventId: eventId!, memberTicket, requestId: p.requestId }))
      },
      (error) => refuse(error, error.isOffline ? memberTicket : null),
    )
  }, [eventId])

  const askVoid = (entry: DoorEntryView | null) => !busy.current && patch({ voiding: entry, voidReason: '', voidError: null })
  const setVoidReason = (v: string) => patch({ voidReason: v, voidError: null })

  /** A manager's 撤销签到: back to registered, the reward taken back. */
  const confirmVoid = useCallback(async () => {
    const { voiding, voidReason } = latest.current
    if (busy.current || !voiding) return
    const parsed = voidInput.safeParse({ registrationId: voiding.registrationId, reason: voidReason })
    if (!parsed.success) return patch({ voidError: parsed.error.issues[0]?.message ?? '请填写撤销原因' })
    busy.current = true
    patch({ busy: 'void', voidError: null })
    try {
      const out = await callApi('staffVoidCheckIn', parsed.data)
      onEntry(out.entry)
      toast(out.pointsTakenBack > 0 ? `已撤销签到，收回 ${out.pointsTakenBack} 积分` : '已撤销签到', 'success')
      patch({ voiding: null, voidReason: '' })
    } catch (e) {
      patch({ voidError: toApiError(e).message })
    } finally {
      busy.current = false
      patch({ busy: null })
    }
  }, [onEntry])

  const setCodeText = (v: string) => patch({ codeText: v, result: null })
  const clear = () => patch({ result: null, codeText: '' })

  return { ...s, submit, scan, walkIn, askVoid, setVoidReason, confirmVoid, setCodeText, clear }
}

export type DoorScan = ReturnType<typeof useDoorScan>
