import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { useLoad } from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import { LoadingBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import type { BirthdayGiftView, BirthdayPageView } from '../../../../contract/birthday'
import { useBirthday } from '../../../../features/birthday/use-birthday'
import { birthdayText, giftStateText, giftSummary, giftUsable, monthEndCountdown } from '../../../../features/birthday/view-model'
import { usePageVisible } from '../../../../features/common/use-page-visible'
import { LoadError } from '../../../../features/coupons/LoadError'
import { useRetryWhenOnline } from '../../../../features/coupons/use-retry-when-online'
import { useConsentPrompt } from '../../../../features/notifications/use-consent-prompt'
import { BirthdayField } from '../../../../features/open-card/BirthdayField'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { hasSession } from '../../../../services/api'
import { go, routes } from '../../../../services/nav'
import './index.scss'

type Birthday = { month: number; day: number; year?: number } | null

/** Without a birthday: pick it, confirm that it cannot be changed afterwards, save (and ask for 生日礼 notices). */
function SetBirthday({ saving, error, onSave }: { saving: boolean; error: string | null; onSave: (b: NonNullable<Birthday>) => void }) {
  const [value, setValue] = useState<Birthday>(null)
  const [confirming, setConfirming] = useState(false)
  return (
    <View className="birthday-page__set" data-testid="birthday-set">
      <Text className="birthday-page__set-title">设置生日，生日当月领取生日礼</Text>
      <View className="birthday-page__field">
        <BirthdayField value={value} onChange={setValue} placeholder="请选择生日" />
      </View>
      {error && (
        <Text className="birthday-page__error" data-testid="birthday-save-error">
          {error}
        </Text>
      )}
      <Button type="primary" block disabled={!value || saving} loading={saving} onClick={() => setConfirming(true)} data-testid="birthday-save">
        保存生日
      </Button>
      <Dialog
        visible={confirming}
        title="确认生日"
        content={value ? `${birthdayText(value)}。生日设置后不可自行修改，如需修改请联系门店。` : ''}
        confirmText="确认保存"
        cancelText="再想想"
        onConfirm={() => {
          setConfirming(false)
          if (value) onSave(value)
        }}
        onCancel={() => setConfirming(false)}
      />
    </View>
  )
}

function GiftLine({ gift, testId }: { gift: BirthdayGiftView; testId: string }) {
  const state = giftStateText(gift)
  return (
    <View className="birthday-page__history-row" data-testid={testId} onClick={() => gift.coupon && go(routes.couponDetail, { id: gift.coupon.id })}>
      <Text className="birthday-page__history-year">{`${gift.year} 年`}</Text>
      <View className="birthday-page__history-main">
        <Text className="birthday-page__history-gift">{giftSummary(gift)}</Text>
        {state && <Text className="birthday-page__history-state">{state}</Text>}
      </View>
    </View>
  )
}

/** This year's gift in the birth month: what it is, its state, the countdown to the month's end, the coupon one tap away. */
function ThisYear({ view, nowMs }: { view: BirthdayPageView; nowMs: number }) {
  const gift = view.thisYear
  if (!gift) {
    return (
      <View className="birthday-page__gift birthday-page__gift--none" data-testid="birthday-no-gift">
        <Text className="birthday-page__gift-title">生日快乐！</Text>
        <Text className="birthday-page__gift-text">{view.note ?? '生日礼正在发放中，请稍后再来看看'}</Text>
      </View>
    )
  }
  const usable = giftUsable(gift)
  const state = giftStateText(gift)
  return (
    <View className="birthday-page__gift" data-testid="birthday-gift">
      <Text className="birthday-page__gift-title">生日快乐！</Text>
      <Text className="birthday-page__gift-text" data-testid="birthday-gift-summary">
        {giftSummary(gift)}
      </Text>
      {state && (
        <Text className="birthday-page__gift-state" data-testid="birthday-gift-state">
          {state}
        </Text>
      )}
      {view.monthEndsAt && gift.coupon && gift.coupon.state !== 'used' && gift.coupon.state !== 'expired' && (
        <Text className="birthday-page__countdown" data-testid="birthday-countdown">
          {`生日礼券 ${monthEndCountdown(view.monthEndsAt, nowMs)}`}
        </Text>
      )}
      {gift.coupon && (
        <Button
          className="birthday-page__use"
          type={usable ? 'primary' : 'default'}
          block
          onClick={() => gift.coupon && go(routes.couponDetail, { id: gift.coupon.id })}
          data-testid="birthday-gift-coupon"
        >
          {usable ? '出示券码使用' : '查看生日券'}
        </Button>
      )}
    </View>
  )
}

/** 生日礼: the birthday (set once here or at 开卡), this year's gift in the birth month, earlier years' gifts. */
export default function BirthdayPage() {
  const visible = usePageVisible()
  const b = useBirthday(visible)
  const askConsent = useConsentPrompt('birthday_gift')
  useLoad(() => {
    if (hasSession()) void b.reload()
  })
  useRetryWhenOnline(b.status === 'error' && Boolean(b.error?.isOffline), b.reload)
  const frame = (body: ReactNode) => (
    <View className="page birthday-page">
      <SubPageNav title="生日礼" fallback={routes.me} />
      {body}
    </View>
  )

  if (!hasSession() || b.error?.code === 'UNAUTHENTICATED') return frame(<LoginRequired onDone={() => void b.reload()} />)
  if (b.status === 'loading') return frame(<LoadingBlock />)
  if (b.status === 'error' || !b.view) return frame(<LoadError error={b.error} onRetry={() => void b.reload()} />)

  const view = b.view
  return frame(
    <>
      <View className="birthday-page__hero">
        <Text className="birthday-page__hero-title">生日礼</Text>
        <Text className="birthday-page__hero-text" data-testid="birthday-value">
          {view.birthday ? `我的生日：${birthdayText(view.birthday)}` : '生日当月，门店为您准备了一份生日礼'}
        </Text>
      </View>
      {view.birthday === null && view.canSet && (
        <SetBirthday
          saving={b.saving}
          error={b.saveError?.message ?? null}
          onSave={(birthday) => {
            // The confirm button's tap: WeChat's consent popup first, before the save's await.
            askConsent()
            void b.save(birthday)
          }}
        />
      )}
      {view.inBirthMonth && <ThisYear view={view} nowMs={b.nowMs} />}
      {!view.inBirthMonth && view.birthday && (
        <View className="birthday-page__gift birthday-page__gift--none" data-testid="birthday-waiting">
          <Text className="birthday-page__gift-text">{view.note ?? `${view.birthday.month} 月生日当月，生日礼会自动放入您的券包`}</Text>
        </View>
      )}
      {view.birthday && !view.canSet && (
        <Text className="birthday-page__locked" data-testid="birthday-locked">
          生日如需修改请联系门店
        </Text>
      )}
      {view.history.length > 0 && (
        <View className="birthday-page__history" data-testid="birthday-history">
          <Text className="birthday-page__history-title">往年生日礼</Text>
          {view.history.map((g) => (
            <GiftLine key={g.year} gift={g} testId="birthday-history-row" />
          ))}
        </View>
      )}
    </>,
  )
}
