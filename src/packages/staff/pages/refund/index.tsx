import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { OfflineBanner } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { TextField } from '../../../../components/text-field'
import { RefundSummary } from '../../../../features/refund/RefundSummary'
import { useRefund, type Refund } from '../../../../features/refund/use-refund'
import { ManagerGate } from '../../../../features/session/ManagerGate'
import { ConfirmSheet } from '../../../../features/till/ConfirmSheet'
import { routes } from '../../../../services/nav'
import '../till/index.scss'

/** 退款 (managers): a receipt → what the refund would do → a reason and 确认退款. Reached from the till. */
export default function RefundPage() {
  return (
    <View className="page">
      <SubPageNav title="退款" fallback={routes.till} />
      <ManagerGate what="退款">{() => <RefundFlow />}</ManagerGate>
    </View>
  )
}

function RefundFlow() {
  const r = useRefund()
  const shown = r.preview
  return (
    <View className="till">
      {r.offline && <OfflineBanner text="网络不可用，请恢复网络后重试" />}
      <View className="till__section">
        <View className="till__form">
          <TextField
            label="小票号"
            value={r.receiptText}
            onChange={r.setReceiptText}
            placeholder="输入或粘贴要退款的小票号"
            maxlength={40}
            testId="refund-receipt-input"
            onConfirm={() => void r.loadPreview()}
          />
        </View>
        <Button block type="primary" size="large" loading={r.busy === 'preview'} disabled={r.busy !== null} onClick={() => void r.loadPreview()} data-testid="refund-preview">
          查询
        </Button>
      </View>
      {shown && <RefundSummary refund={shown.refund} />}
      {shown && !shown.alreadyRefunded && !r.done && (
        <View className="till__section">
          <Button block type="danger" size="large" disabled={r.busy !== null} onClick={() => r.setConfirming(true)} data-testid="refund-start">
            退款
          </Button>
        </View>
      )}
      {r.done && (
        <View className="till__section">
          <Button block size="large" onClick={r.reset} data-testid="refund-next">
            继续退款
          </Button>
        </View>
      )}
      {r.confirming && shown && <RefundConfirm r={r} paidText={shown.refund.receiptNo} />}
      {r.error && !r.confirming && (
        <View className="till__error" data-testid="refund-error">
          <Text>{r.error}</Text>
          {r.offline && (
            <Text className="till__link" onClick={() => void r.loadPreview()} data-testid="refund-retry">
              {' '}重试
            </Text>
          )}
        </View>
      )}
    </View>
  )
}

function RefundConfirm({ r, paidText }: { r: Refund; paidText: string }) {
  return (
    <ConfirmSheet
      title={`确认为小票 ${paidText} 全额退款？`}
      confirmText="确认退款"
      danger
      loading={r.busy === 'refund'}
      onConfirm={() => void r.refund()}
      onCancel={() => r.setConfirming(false)}
      testId="refund-confirm"
      error={r.error}
    >
      <Text className="confirm-sheet__text">退款后积分和成长值按上方明细扣回，每张小票只能退款一次。</Text>
      <TextField label="退款原因" value={r.reason} onChange={r.setReason} placeholder="必填，如：顾客退货" maxlength={60} testId="refund-reason" />
    </ConfirmSheet>
  )
}
