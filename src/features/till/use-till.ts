import { useCallback, useMemo, useRef, useState } from 'react'
import { tillApi as api, receiptNo as receiptSchema } from '../../contract/till'
import { tillCouponsApi, type TillCouponView } from '../../contract/till-coupons'
import { tillPickupsApi } from '../../contract/till-pickups'
import { eventDoorApi } from '../../contract/event-door'
import { routeScannedCode } from '../../domain/scan-code'
import { callApi } from '../../services/api'
import { scanCode, vibrateShort } from '../../services/device'
import { parseYuanToFen } from '../common/amount'
import { whyNot } from './coupon-view'
import { tillErrorMessage } from './messages'
import { couponActions } from './coupon-actions'
import { pickupActions } from './pickup-actions'
import { ticketActions } from './ticket-actions'
import { tillContext } from './till-context'
import { initialTill, type TillState } from './till-state'

export type { RecordResult, TillState } from './till-state'

const lookupInput = api.staffLookupMember.input
const previewInput = tillCouponsApi.staffPreviewCoupon.input
const pickupInput = tillPickupsApi.staffPreviewPickup.input
const ticketInput = eventDoorApi.staffPreviewTicket.input

/** The server no longer accepts the lookup's ticket: scan again, but what the clerk typed is still right. */
const RESCAN_CODES: ReadonlySet<string> = new Set(['TICKET_STALE', 'TICKET_INVALID'])

/**
 * The till: one scanner (a member code, a coupon code, a pick-up code or an event ticket, routed by its shape) → the member (amount, one coupon,
 * record) or the coupon (preview → 核销 alone, 随单使用, or a manager's 撤销核销) → the result → 下一位.
 * One request at a time (a ref guards against a double tap arriving before React re-renders the disabled
 * button); the receipt number and the 核销 requestId are idempotency keys, so a retry never counts twice.
 */
export function useTill() {
  const [s, setS] = useState<TillState>(initialTill)
  // Callbacks read the latest rendered state through this ref, so they can stay stable (useCallback with []).
  const latest = useRef(s)
  latest.current = s
  const busy = useRef(false)
  const ctx = useMemo(() => tillContext(latest, busy, setS), [])
  const { patch, run } = ctx
  const { confirmVerify, confirmVoid } = useMemo(() => couponActions(ctx), [ctx])
  const pickups = useMemo(() => pickupActions(ctx), [ctx])
  const tickets = useMemo(() => ticketActions(ctx), [ctx])

  const lookup = useCallback(async (codeOverride?: string) => {
    if (busy.current) return
    const codeText = codeOverride ?? latest.current.codeText
    const routed = routeScannedCode(codeText)
    if (routed.kind === 'unknown') {
      // Say what a code should look like: a coupon's when it looks like one, else the member code's rule.
      const looksCoupon = /^\s*c/i.test(codeText)
      const looksPickup = /^\s*p/i.test(codeText)
      const looksTicket = /^\s*e/i.test(codeText)
      const parsed = looksCoupon
        ? previewInput.safeParse({ couponCode: codeText })
        : looksPickup
          ? pickupInput.safeParse({ pickupCode: codeText })
          : looksTicket
            ? ticketInput.safeParse({ ticketCode: codeText })
            : lookupInput.safeParse({ memberCode: codeText })
      const message = parsed.success ? '无法识别的码，请扫描会员码、优惠券码、领取码或活动票' : parsed.error.issues[0]?.message
      patch({ codeText, error: message ?? '无法识别的码' })
      return
    }
    patch({ codeText })
    if (routed.kind === 'member') {
      await run('lookup', async () => {
        const out = await callApi('staffLookupMember', { memberCode: routed.code })
        // amountText / receiptText are kept: after a TICKET_STALE the clerk scans again and submits what was typed.
        patch({ step: 'member', member: out.member, ticket: out.ticket, coupons: out.coupons, birthdayCoupon: out.birthdayCoupon, pickups: out.pickups, eventEntries: out.eventEntries, checkedIn: null, checkInRequest: null, delivered: null, tierDiscountPct: out.tierDiscountPct, selectedCouponId: null, busy: null })
      })
    } else if (routed.kind === 'pickup') {
      await pickups.preview(routed.code)
    } else if (routed.kind === 'ticket') {
      await tickets.preview(routed.code)
    } else {
      await run('lookup', async () => {
        const preview = await callApi('staffPreviewCoupon', { couponCode: routed.code })
        patch({ step: 'coupon', couponCode: routed.code, preview, tierDiscountPct: preview.tierDiscountPct, couponMode: 'preview', busy: null })
      })
    }
  }, [])

  const scan = useCallback(async () => {
    const code = await scanCode()
    if (code) await lookup(code)
  }, [lookup])

  const record = useCallback(async () => {
    if (busy.current) return
    const snapshot = latest.current
    const byCoupon = snapshot.step === 'coupon' && snapshot.couponCode !== null
    if (!byCoupon && !snapshot.ticket) return
    const amount = parseYuanToFen(snapshot.amountText)
    if (!amount.ok) return patch({ error: amount.message })
    const receipt = receiptSchema.safeParse(snapshot.receiptText)
    if (!receipt.success) return patch({ error: receipt.error.issues[0]?.message ?? '小票号不正确' })
    const selected = snapshot.coupons.find((c) => c.id === snapshot.selectedCouponId) ?? null
    const scanned = byCoupon ? snapshot.preview?.coupon ?? null : null
    const blocked = [selected, scanned].map((c) => c && whyNot(c, amount.fen, snapshot.tierDiscountPct)).find((r) => r)
    if (blocked) return patch({ error: `该券不可用：${blocked}` })

    const input = byCoupon
      ? { couponCode: snapshot.couponCode!, receiptNo: receipt.data, amountFen: amount.fen }
      : { ticket: snapshot.ticket!, receiptNo: receipt.data, amountFen: amount.fen, ...(selected ? { couponId: selected.id } : {}) }
    await run(
      'record',
      async () => {
        const result = await callApi('staffRecordPurchase', input)
        vibrateShort()
        patch({ step: 'done', result: { ...result, amountFen: amount.fen, receiptNo: receipt.data }, member: result.member, busy: null })
      },
      (error) => {
        if (RESCAN_CODES.has(error.code)) {
          // Back to the scan step with the amount and receipt still filled in; the member must be looked up again.
          patch({ step: 'code', codeText: '', member: null, ticket: null, coupons: [], selectedCouponId: null, busy: null, error: tillErrorMessage(error) })
        } else {
          // Anything else (network, RECEIPT_CONFLICT, a coupon refused…) stays with the inputs: the same ticket and
          // receipt can be submitted again, and the receipt number makes a retry idempotent.
          patch({ busy: null, error: tillErrorMessage(error) })
        }
      },
    )
  }, [])

  /** Back to an empty scanner (下一位, 换一位, 返回扫码). */
  const reset = useCallback(() => {
    if (busy.current) return
    setS(initialTill)
  }, [])

  const setCodeText = (v: string) => patch({ codeText: v, error: null })
  const setAmountText = (v: string) => patch({ amountText: v, error: null })
  const setReceiptText = (v: string) => patch({ receiptText: v, error: null })
  const setVoidReason = (v: string) => patch({ voidReason: v, error: null })
  const setReturnReason = (v: string) => patch({ returnReason: v, error: null })
  /** A coupon just granted to the looked-up member joins their list (first, ready to apply). */
  const addCoupon = useCallback((c: TillCouponView) => setS((prev) => ({ ...prev, coupons: [c, ...prev.coupons.filter((x) => x.id !== c.id)] })), [])
  const selectCoupon = (id: string) => setS((prev) => ({ ...prev, error: null, selectedCouponId: prev.selectedCouponId === id ? null : id }))
  const ask = (confirm: TillState['confirm']) => {
    if (!busy.current) patch({ confirm, error: null })
  }
  const withPurchase = () => patch({ couponMode: 'purchase', error: null })

  return {
    ...s,
    lookup,
    scan,
    record,
    confirmVerify,
    confirmVoid,
    next: reset,
    changeMember: reset,
    setCodeText,
    setAmountText,
    setReceiptText,
    setVoidReason,
    setReturnReason,
    askPickup: pickups.askPickup,
    confirmPickup: pickups.confirmPickup,
    confirmReturn: pickups.confirmReturn,
    confirmTicket: tickets.confirmTicket,
    checkInMember: tickets.checkInMember,
    selectCoupon,
    addCoupon,
    ask,
    withPurchase,
  }
}

export type Till = ReturnType<typeof useTill>
