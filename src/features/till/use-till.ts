import { useCallback, useRef, useState } from 'react'
import type { ApiOutput } from '../../contract'
import { tillApi as api, receiptNo as receiptSchema, type StaffMemberView } from '../../contract/till'
import { callApi, toApiError } from '../../services/api'
import { scanCode, vibrateShort } from '../../services/device'
import { parseYuanToFen } from './amount'
import { tillErrorMessage } from './messages'

/** The server's answer, with what the clerk sent, so the success panel can echo the amount and the receipt. */
export type RecordResult = ApiOutput<'staffRecordPurchase'> & { amountFen: number; receiptNo: string }

export interface TillState {
  step: 'code' | 'member' | 'done'
  codeText: string
  amountText: string
  receiptText: string
  /**
   * The lookup's ticket: the purchase is recorded against exactly the member that was looked up, by this clerk,
   * and keeps working for a while after the member's code has rotated (a long checkout, a retry after a timeout).
   */
  ticket: string | null
  member: StaffMemberView | null
  result: RecordResult | null
  error: string | null
  busy: 'lookup' | 'record' | null
}

const initial: TillState = {
  step: 'code',
  codeText: '',
  amountText: '',
  receiptText: '',
  ticket: null,
  member: null,
  result: null,
  error: null,
  busy: null,
}

const lookupInput = api.staffLookupMember.input

/** The server no longer accepts the lookup's ticket: scan again, but what the clerk typed is still right. */
const RESCAN_CODES: ReadonlySet<string> = new Set(['TICKET_STALE', 'TICKET_INVALID'])

/**
 * The till flow: code → member → record → result → 下一位. One request at a time (a ref guards against a double
 * tap arriving before React re-renders the disabled button); the receipt number is the idempotency key, so a
 * retried submit can never add points twice.
 */
export function useTill() {
  const [s, setS] = useState<TillState>(initial)
  // Callbacks read the latest rendered state through this ref, so they can stay stable (useCallback with []).
  const latest = useRef(s)
  latest.current = s
  const busy = useRef(false)
  const patch = (p: Partial<TillState>) => setS((prev) => ({ ...prev, ...p }))

  const lookup = useCallback(async (codeOverride?: string) => {
    if (busy.current) return
    const codeText = codeOverride ?? latest.current.codeText
    const parsed = lookupInput.safeParse({ memberCode: codeText })
    if (!parsed.success) {
      patch({ codeText, error: parsed.error.issues[0]?.message ?? '会员码应为 24 位数字' })
      return
    }
    busy.current = true
    patch({ codeText, busy: 'lookup', error: null })
    try {
      const { member, ticket } = await callApi('staffLookupMember', parsed.data)
      // amountText / receiptText are kept: after a TICKET_STALE the clerk scans again and submits what was typed.
      patch({ step: 'member', member, ticket, busy: null })
    } catch (e) {
      patch({ busy: null, error: tillErrorMessage(toApiError(e)) })
    } finally {
      busy.current = false
    }
  }, [])

  const scan = useCallback(async () => {
    const code = await scanCode()
    if (code) await lookup(code)
  }, [lookup])

  const record = useCallback(async () => {
    if (busy.current) return
    const snapshot = latest.current
    if (!snapshot.ticket) return
    const amount = parseYuanToFen(snapshot.amountText)
    if (!amount.ok) {
      patch({ error: amount.message })
      return
    }
    const receipt = receiptSchema.safeParse(snapshot.receiptText)
    if (!receipt.success) {
      patch({ error: receipt.error.issues[0]?.message ?? '小票号不正确' })
      return
    }
    busy.current = true
    patch({ busy: 'record', error: null })
    try {
      const result = await callApi('staffRecordPurchase', {
        ticket: snapshot.ticket,
        receiptNo: receipt.data,
        amountFen: amount.fen,
      })
      vibrateShort()
      patch({ step: 'done', result: { ...result, amountFen: amount.fen, receiptNo: receipt.data }, member: result.member, busy: null })
    } catch (e) {
      const error = toApiError(e)
      if (RESCAN_CODES.has(error.code)) {
        // Back to the scan step with the amount and receipt still filled in; the member must be looked up again.
        patch({ step: 'code', codeText: '', member: null, ticket: null, busy: null, error: tillErrorMessage(error) })
      } else {
        // Anything else (network, RECEIPT_CONFLICT, RECEIPT_AMOUNT_MISMATCH…) stays on the member with the inputs:
        // the same ticket and receipt can be submitted again, and the receipt number makes a retry idempotent.
        patch({ busy: null, error: tillErrorMessage(error) })
      }
    } finally {
      busy.current = false
    }
  }, [])

  const next = useCallback(() => {
    if (busy.current) return
    setS(initial)
  }, [])

  /** Back to the code step (wrong member), keeping nothing from the previous one. */
  const changeMember = useCallback(() => {
    if (busy.current) return
    setS(initial)
  }, [])

  const setCodeText = (v: string) => patch({ codeText: v, error: null })
  const setAmountText = (v: string) => patch({ amountText: v, error: null })
  const setReceiptText = (v: string) => patch({ receiptText: v, error: null })

  return { ...s, lookup, scan, record, next, changeMember, setCodeText, setAmountText, setReceiptText }
}
