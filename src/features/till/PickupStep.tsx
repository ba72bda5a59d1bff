import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { TextField } from '../../components/text-field'
import { ConfirmSheet } from './ConfirmSheet'
import { canHandOver, pickupStatusText, pickupTitle, pickupUntilText } from './pickup-view'
import type { Till } from './use-till'
import './TillPanels.scss'

/**
 * A scanned pick-up code: the gift, the quantity, whose (masked) and whether it can be handed over, or why not;
 * 确认交付 confirms first; once handed over the panel says 已交付. A manager may 退回 a gift already handed over
 * (the points go back), with a reason.
 */
export function PickupStep({ t, manager }: { t: Till; manager: boolean }) {
  const preview = t.pickup
  if (!preview) return null
  const { pickup: p, holder } = preview
  const ok = canHandOver(p)
  const until = pickupUntilText(p)
  return (
    <>
      <View className="till-preview" data-testid="till-pickup">
        <View className="till-preview__head">
          <Text className="till-preview__face">礼品</Text>
          <View className="till-preview__title">
            <Text className="till-preview__name" data-testid="till-pickup-item">
              {pickupTitle(p)}
            </Text>
            <Text className="till-preview__kind">{`积分兑换 · ${p.points} 积分`}</Text>
          </View>
        </View>
        <View className="till-preview__rows">
          <Text data-testid="till-pickup-holder">
            兑换会员：{holder.nickname} {holder.phoneMasked} · {holder.tier.name}
          </Text>
          {until && p.status === 'held' && <Text>{until}</Text>}
        </View>
        {t.delivered ? (
          <Text className="till-preview__status till-preview__status--ok" data-testid="till-pickup-done">
            {t.delivered.repeated ? '已交付（重试返回了第一次交付的结果）' : '已交付，请将礼品交给顾客'}
          </Text>
        ) : (
          <Text className={`till-preview__status${ok ? ' till-preview__status--ok' : ''}`} data-testid="till-pickup-status">
            {pickupStatusText(p)}
          </Text>
        )}
      </View>
      <View className="till__section">
        {ok && !t.delivered && (
          <Button block type="primary" size="large" disabled={t.busy !== null} onClick={() => t.ask('pickup')} data-testid="till-pickup-confirm-open">
            {t.pickupRequestId ? '重试交付' : '确认交付'}
          </Button>
        )}
        {manager && p.status === 'picked_up' && (
          <Button block type="danger" fill="outline" size="large" disabled={t.busy !== null} onClick={() => t.ask('return')} data-testid="till-pickup-return-open">
            退回
          </Button>
        )}
        {t.delivered ? (
          <Button className="till__gap" block size="large" onClick={t.next} data-testid="till-next">
            下一位
          </Button>
        ) : (
          <View className="till__secondary" onClick={t.changeMember} data-testid="till-back-to-scan">
            <Text>返回扫码</Text>
          </View>
        )}
      </View>
      {t.confirm === 'pickup' && <PickupConfirm t={t} title={`确认交付 ${pickupTitle(p)}？`} />}
      {t.confirm === 'return' && (
        <ConfirmSheet
          title="退回这件礼品？"
          confirmText="确认退回"
          danger
          loading={t.busy === 'return'}
          onConfirm={() => void t.confirmReturn()}
          onCancel={() => t.ask(null)}
          testId="till-pickup-return"
          error={t.error}
        >
          <Text className="confirm-sheet__text">{`退回后 ${p.points} 积分退还会员，库存恢复。每件礼品只能退回一次。`}</Text>
          <TextField label="退回原因" value={t.returnReason} onChange={t.setReturnReason} placeholder="必填，如：礼品有瑕疵" maxlength={60} testId="till-pickup-return-reason" />
        </ConfirmSheet>
      )}
    </>
  )
}

/** 确认交付: one request per confirm (its id kept while the answer is unknown). */
export function PickupConfirm({ t, title }: { t: Till; title: string }) {
  return (
    <ConfirmSheet
      title={title}
      confirmText="确认交付"
      loading={t.busy === 'pickup'}
      onConfirm={() => void t.confirmPickup()}
      onCancel={() => t.ask(null)}
      testId="till-pickup-confirm"
    >
      <Text className="confirm-sheet__text">请核对顾客后交付礼品；交付后兑换所用积分不再退还。</Text>
    </ConfirmSheet>
  )
}
