import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { TextField } from '../../components/text-field'
import { go, routes } from '../../services/nav'
import { ConfirmSheet } from './ConfirmSheet'
import { CouponPreview } from './CouponPreview'
import { faceText } from './coupon-view'
import { PurchaseForm } from './PurchaseForm'
import type { Till } from './use-till'

/**
 * A scanned coupon: the preview, then 核销 alone or 随单使用 (with a purchase); on an already verified coupon a
 * manager may 撤销核销 with a reason. Both actions confirm first.
 */
export function CouponStep({ t, manager }: { t: Till; manager: boolean }) {
  const preview = t.preview
  if (!preview) return null
  const usable = preview.coupon.state === 'usable'
  return (
    <>
      <CouponPreview preview={preview} />
      {t.couponMode === 'purchase' && usable ? (
        <PurchaseForm t={t} coupon={preview.coupon} />
      ) : (
        <View className="till__section">
          {usable && (
            <>
              <Button block type="primary" size="large" disabled={t.busy !== null} onClick={() => t.ask('verify')} data-testid="till-verify">
                {t.verifyRequestId ? '重试核销' : '核销'}
              </Button>
              <Button className="till__gap" block size="large" disabled={t.busy !== null} onClick={t.withPurchase} data-testid="till-use-with-purchase">
                随单使用
              </Button>
            </>
          )}
          {manager && preview.verification?.receiptNo && (
            <Text className="till__hint" onClick={() => go(routes.refund)} data-testid="till-void-by-refund">
              随单核销的券请通过退款撤销（小票 {preview.verification.receiptNo}）›
            </Text>
          )}
          {manager && preview.verification && !preview.verification.receiptNo && (
            <Button block type="danger" fill="outline" size="large" disabled={t.busy !== null} onClick={() => t.ask('void')} data-testid="till-void">
              撤销核销
            </Button>
          )}
          <View className="till__secondary" onClick={t.changeMember} data-testid="till-back-to-scan">
            <Text>返回扫码</Text>
          </View>
        </View>
      )}
      {t.confirm === 'verify' && (
        <ConfirmSheet
          title={`确认核销 ${faceText(preview.coupon)} ${preview.coupon.name}？`}
          confirmText="确认核销"
          loading={t.busy === 'verify'}
          onConfirm={() => void t.confirmVerify()}
          onCancel={() => t.ask(null)}
          testId="till-verify-confirm"
        >
          <Text className="confirm-sheet__text">核销后该券即失效，不随消费入账积分。</Text>
        </ConfirmSheet>
      )}
      {t.confirm === 'void' && (
        <ConfirmSheet
          title="撤销这次核销？"
          confirmText="确认撤销"
          danger
          loading={t.busy === 'void'}
          onConfirm={() => void t.confirmVoid()}
          onCancel={() => t.ask(null)}
          testId="till-void-confirm"
          error={t.error}
        >
          <Text className="confirm-sheet__text">撤销后券恢复可用；已过有效期的券将变为已过期。每次核销只能撤销一次。</Text>
          <TextField label="撤销原因" value={t.voidReason} onChange={t.setVoidReason} placeholder="必填，如：顾客取消订单" maxlength={60} testId="till-void-reason" />
        </ConfirmSheet>
      )}
    </>
  )
}
