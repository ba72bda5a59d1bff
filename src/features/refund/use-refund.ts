import { useCallback, useRef, useState } from 'react'
import type { ApiOutput } from '../../contract'
import { receiptNo as receiptSchema } from '../../contract/till'
import { tillRefundsApi } from '../../contract/till-refunds'
import { callApi, toApiError } from '../../services/api'
import { toast } from '../../services/device'

export type RefundAnswer = ApiOutput<'staffPreviewRefund'>

export interface RefundState {
  receiptText: string
  reason: string
  /** What a refund of this receipt would do (or did). */
  preview: RefundAnswer | null
  /** The receipt the preview is for: the refund goes to exactly this one, whatever is typed since. */
  previewedReceipt: string | null
  confirming: boolean
  /** The refund just made (or found already made by a retry / another manager). */
  done: RefundAnswer | null
  error: string | null
  offline: boolean
  busy: 'preview' | 'refund' | null
}

const initial: RefundState = { receiptText: '', reason: '', preview: null, previewedReceipt: null, confirming: false, done: null, error: null, offline: false, busy: null }
const refundInput = tillRefundsApi.staffRefundPurchase.input

/**
 * 退款: a receipt → the preview (amount, points back and the shortfall, growth, tier, the coupon) → a reason and
 * a confirmation → the refund. The receipt is the idempotency key: a retry after a timeout, or a second manager,
 * gets the first refund back (alreadyRefunded), never a second one.
 */
export function useRefund() {
  const [s, setS] = useState<RefundState>(initial)
  const latest = useRef(s)
  latest.current = s
  const busy = useRef(false)
  const patch = (p: Partial<RefundState>) => setS((prev) => ({ ...prev, ...p }))

  const fail = (e: unknown) => {
    const error = toApiError(e)
    patch({ busy: null, error: error.message, offline: error.isOffline })
  }

  const preview = useCallback(async () => {
    if (busy.current) return
    const receipt = receiptSchema.safeParse(latest.current.receiptText)
    if (!receipt.success) return patch({ error: receipt.error.issues[0]?.message ?? '小票号不正确' })
    busy.current = true
    patch({ busy: 'preview', error: null, offline: false, preview: null, done: null, confirming: false })
    try {
      const out = await callApi('staffPreviewRefund', { receiptNo: receipt.data })
      patch({ busy: null, preview: out, previewedReceipt: receipt.data })
    } catch (e) {
      fail(e)
    } finally {
      busy.current = false
    }
  }, [])

  const refund = useCallback(async () => {
    const snap = latest.current
    if (busy.current || !snap.previewedReceipt) return
    const parsed = refundInput.safeParse({ receiptNo: snap.previewedReceipt, reason: snap.reason })
    if (!parsed.success) return patch({ error: parsed.error.issues[0]?.message ?? '请填写退款原因' })
    busy.current = true
    patch({ busy: 'refund', error: null, offline: false })
    try {
      const out = await callApi('staffRefundPurchase', { receiptNo: snap.previewedReceipt, reason: snap.reason })
      toast(out.alreadyRefunded ? '该小票此前已退款' : '退款完成', out.alreadyRefunded ? 'none' : 'success')
      patch({ busy: null, done: out, preview: out, confirming: false })
    } catch (e) {
      // The sheet stays open with the reason: 确认退款 again is safe (a receipt is refunded once).
      fail(e)
    } finally {
      busy.current = false
    }
  }, [])

  const reset = useCallback(() => {
    if (!busy.current) setS(initial)
  }, [])

  return {
    ...s,
    preview: s.preview,
    loadPreview: preview,
    refund,
    reset,
    setReceiptText: (v: string) => patch({ receiptText: v, error: null }),
    setReason: (v: string) => patch({ reason: v, error: null }),
    setConfirming: (confirming: boolean) => !busy.current && patch({ confirming, error: null }),
  }
}

export type Refund = ReturnType<typeof useRefund>
