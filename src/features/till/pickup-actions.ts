import { tillPickupsApi } from '../../contract/till-pickups'
import { callApi } from '../../services/api'
import { toast, vibrateShort } from '../../services/device'
import { newRequestId } from '../common/request-id'
import { tillErrorMessage } from './messages'
import type { TillContext } from './till-context'

const returnInput = tillPickupsApi.staffReturnPickup.input
const GONE: ReadonlySet<string> = new Set(['PICKUP_ALREADY_DONE', 'PICKUP_EXPIRED', 'PICKUP_CLOSED'])

/**
 * Points-mall pick-ups at the till: a scanned P1 code's preview, 确认交付 (from that preview or from the looked-up
 * member's 待领取 list) and a manager's 退回 of a gift already handed over.
 */
export function pickupActions({ latest, busy, setS, patch, run }: TillContext) {
  const preview = async (pickupCode: string) => {
    await run('lookup', async () => {
      const out = await callApi('staffPreviewPickup', { pickupCode })
      patch({ step: 'pickup', pickupCode, pickup: out, delivered: null, pickupRequestId: null, busy: null })
    })
  }

  /** After someone else's hand-over: show who and when, as the server now says. Silent when it fails. */
  const refresh = async (pickupCode: string) => {
    try {
      const out = await callApi('staffPreviewPickup', { pickupCode })
      patch({ pickup: out })
    } catch {
      // The error line already says 已核销; the preview is a nicety.
    }
  }

  /** 交付 on one of the member's pick-ups: the confirm, with its code. */
  const askPickup = (pickupCode: string) => {
    if (busy.current) return
    const same = latest.current.pickupCode === pickupCode
    patch({ pickupCode, pickupRequestId: same ? latest.current.pickupRequestId : null, confirm: 'pickup', error: null })
  }

  const confirmPickup = async () => {
    const snapshot = latest.current
    if (busy.current || !snapshot.pickupCode) return
    const pickupCode = snapshot.pickupCode
    // Made at the confirming tap, kept while the answer is unknown: 重试交付 repeats the same request and the
    // server hands back the first hand-over instead of "已核销".
    const requestId = snapshot.pickupRequestId ?? newRequestId()
    patch({ pickupRequestId: requestId })
    await run(
      'pickup',
      async () => {
        const out = await callApi('staffConfirmPickup', { pickupCode, requestId })
        vibrateShort()
        setS((prev) => ({
          ...prev,
          delivered: { pickup: out.pickup, repeated: out.repeated },
          // From the member's list: it leaves the list; from a scan: the panel shows the pick-up as it is now.
          pickups: prev.pickups.filter((p) => p.code !== pickupCode),
          pickup: prev.pickup && { ...prev.pickup, pickup: out.pickup },
          confirm: null,
          pickupRequestId: null,
          busy: null,
        }))
      },
      (error) => {
        patch({ busy: null, confirm: null, pickupRequestId: error.isOffline ? requestId : null, error: tillErrorMessage(error) })
        // Handed over elsewhere, expired or cancelled meanwhile: no longer one of the member's 待领取.
        if (GONE.has(error.code)) setS((prev) => ({ ...prev, pickups: prev.pickups.filter((p) => p.code !== pickupCode) }))
        if (error.code === 'PICKUP_ALREADY_DONE' && latest.current.step === 'pickup') void refresh(pickupCode)
      },
    )
  }

  const confirmReturn = async () => {
    const snapshot = latest.current
    if (busy.current || !snapshot.pickupCode) return
    const parsed = returnInput.safeParse({ pickupCode: snapshot.pickupCode, reason: snapshot.returnReason })
    if (!parsed.success) return patch({ error: parsed.error.issues[0]?.message ?? '请填写退回原因' })
    await run('return', async () => {
      const out = await callApi('staffReturnPickup', parsed.data)
      toast(`已退回，${out.pointsReturned} 积分已退还会员`, 'success')
      setS((prev) => ({ ...prev, pickup: prev.pickup && { ...prev.pickup, pickup: out.pickup }, delivered: null, confirm: null, returnReason: '', busy: null }))
    })
  }

  return { preview, askPickup, confirmPickup, confirmReturn }
}
