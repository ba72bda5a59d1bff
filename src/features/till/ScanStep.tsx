import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { TextField } from '../../components/text-field'
import { canScan } from '../../services/device'
import type { Till } from './use-till'

/**
 * The one staff scanner: the camera inside WeChat (扫码, camera only), or a code typed / pasted on H5. A member
 * code or a coupon code is told apart by its shape.
 */
export function ScanStep({ t }: { t: Till }) {
  return (
    <View className="till__section">
      {canScan() && (
        <Button block type="primary" size="large" onClick={() => void t.scan()} disabled={t.busy !== null} data-testid="till-scan">
          扫码
        </Button>
      )}
      <View className="till__form">
        <TextField
          label="会员码"
          value={t.codeText}
          onChange={t.setCodeText}
          placeholder="输入或粘贴 24 位会员码"
          maxlength={40}
          testId="till-code-input"
          onConfirm={() => void t.lookup()}
        />
      </View>
      <Text className="till__hint">也可输入优惠券码（C1 开头）直接核销、领取码（P1 开头）交付礼品，或活动票（E1 开头）签到</Text>
      {(t.amountText || t.receiptText) && (
        <View className="till__kept" data-testid="till-kept">
          <Text>
            已保留{t.amountText ? ` 金额 ${t.amountText} 元` : ''}
            {t.receiptText ? ` 小票号 ${t.receiptText}` : ''}，查询会员后可直接入账
          </Text>
        </View>
      )}
      <Button
        block
        type={canScan() ? 'default' : 'primary'}
        size="large"
        loading={t.busy === 'lookup'}
        disabled={t.busy !== null}
        onClick={() => void t.lookup()}
        data-testid="till-lookup"
      >
        查询
      </Button>
    </View>
  )
}
