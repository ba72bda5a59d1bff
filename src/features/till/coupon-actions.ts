import { tillCouponsApi } from '../../contract/till-coupons'
import { callApi } from '../../services/api'
import { toast, vibrateShort } from '../../services/device'
import { newRequestId } from '../common/request-id'
import { tillErrorMessage } from './messages'
import type { TillContext } from './till-context'

const voidInput = tillCouponsApi.staffVoidCouponVerification.input

/** A scanned coupon's 核销 (alone, without a purchase) and a manager's 撤销核销. */
export function couponActions({ latest, busy, setS, patch, run }: TillContext) {
  /** After someone else's 核销: show who and when, as the server now says. Silent when it fails. */
  const refreshPreview = async (couponCode: string) => {
    try {
      const preview = await callApi('staffPreviewCoupon', { couponCode })
      patch({ preview })
    } catch {
      // The error line already says 已核销; the preview is a nicety.
    }
  }

  const confirmVerify = async () => {
    const snapshot = latest.current
    if (busy.current || !snapshot.couponCode) return
    const couponCode = snapshot.couponCode
    // Made at the confirming tap, kept while the answer is unknown (offline, timeout): 重试核销 repeats the same
    // request, and the server hands back the first result instead of "已核销".
    const requestId = snapshot.verifyRequestId ?? newRequestId()
    patch({ verifyRequestId: requestId })
    await run(
      'verify',
      async () => {
        const verified = await callApi('staffVerifyCoupon', { couponCode, requestId })
        vibrateShort()
        patch({ step: 'verified', verified, confirm: null, verifyRequestId: null, busy: null })
      },
      (error) => {
        patch({ busy: null, confirm: null, verifyRequestId: error.isOffline ? requestId : null, error: tillErrorMessage(error) })
        if (error.code === 'COUPON_ALREADY_USED') void refreshPreview(couponCode)
      },
    )
  }

  const confirmVoid = async () => {
    const snapshot = latest.current
    if (busy.current || !snapshot.couponCode) return
    const parsed = voidInput.safeParse({ couponCode: snapshot.couponCode, reason: snapshot.voidReason })
    if (!parsed.success) return patch({ error: parsed.error.issues[0]?.message ?? '请填写撤销原因' })
    await run('void', async () => {
      const out = await callApi('staffVoidCouponVerification', { couponCode: parsed.data.couponCode, reason: parsed.data.reason })
      toast('已撤销核销', 'success')
      setS((prev) => ({ ...prev, preview: prev.preview && { ...prev.preview, coupon: out.coupon, verification: null }, confirm: null, voidReason: '', busy: null }))
    })
  }

  return { confirmVerify, confirmVoid }
}
