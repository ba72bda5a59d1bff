import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { ErrorBlock, EmptyBlock, LoadingBlock } from '../../../../components/state-view'
import { SubPageNav } from '../../../../components/sub-page-nav'
import { LoginRequired } from '../../../../features/session/LoginRequired'
import { isManager, isStaff } from '../../../../features/session/store'
import { useSession } from '../../../../features/session/use-session'
import { birthdayText } from '../../../../features/open-card/form'
import { BirthdaySheet } from '../../../../features/till/BirthdaySheet'
import { CouponStep } from '../../../../features/till/CouponStep'
import { GrantSheet } from '../../../../features/till/GrantSheet'
import { usableCount } from '../../../../features/till/coupon-view'
import { MemberEvents } from '../../../../features/till/MemberEvents'
import { MemberPickups } from '../../../../features/till/MemberPickups'
import { MemberSummary } from '../../../../features/till/MemberSummary'
import { PickupStep } from '../../../../features/till/PickupStep'
import { PurchaseForm } from '../../../../features/till/PurchaseForm'
import { ScanStep } from '../../../../features/till/ScanStep'
import { TicketStep } from '../../../../features/till/TicketStep'
import { TillResult } from '../../../../features/till/TillResult'
import { useBirthdayCorrection } from '../../../../features/till/use-birthday-correction'
import { useGrant } from '../../../../features/till/use-grant'
import { useTill } from '../../../../features/till/use-till'
import { VerifiedResult } from '../../../../features/till/VerifiedResult'
import { toast } from '../../../../services/device'
import { go, routes } from '../../../../services/nav'
import './index.scss'

/**
 * 收银台: staff only. One scanner: a member code (look up, amount, one coupon, record; hand over their 待领取
 * gifts), a coupon code (preview, 核销 alone or with a purchase; a manager may void a 核销) or a pick-up code
 * (preview, 确认交付; a manager may 退回) or an event ticket (preview, 确认签到; the member's open registrations
 * are checked in from the lookup too; 活动签到 opens the door list). Managers also reach 退款 from here.
 *
 * whoAmI is reloaded on every show (a role can change between visits), but only the FIRST load gates the page:
 * once we know who is at the till, a later reload that fails (a network blip while the clerk switched apps) must
 * not unmount the till and lose the looked-up member, the typed amount and the receipt. It shows a toast at most.
 */
export default function TillPage() {
  return (
    <View className="page">
      <SubPageNav fallback={routes.me} />
      <TillGate />
    </View>
  )
}

function TillGate() {
  const session = useSession()
  useDidShow(() => void session.reload())
  const me = session.me
  const reloadFailed = me !== null && session.status === 'error'
  useEffect(() => {
    if (reloadFailed) toast('网络不稳定，身份信息未能刷新')
  }, [reloadFailed])

  if (!me) {
    if (session.status === 'login') return <LoginRequired onDone={() => void session.reload()} />
    if (session.status === 'error') {
      return <ErrorBlock message={session.error?.message ?? '加载失败'} onRetry={() => void session.reload()} />
    }
    return <LoadingBlock />
  }
  if (!isStaff(me.role)) {
    return (
      <View data-testid="till-forbidden">
        <EmptyBlock title="无权限" description="收银台仅限门店员工使用">
          <Button type="primary" onClick={() => go(routes.card)}>
            返回会员卡
          </Button>
        </EmptyBlock>
      </View>
    )
  }
  return <Till staffName={me.staffName ?? null} manager={isManager(me.role)} />
}

function Till({ staffName, manager }: { staffName: string | null; manager: boolean }) {
  const t = useTill()
  const g = useGrant(t.ticket, t.addCoupon)
  const b = useBirthdayCorrection(manager ? t.ticket : null)

  return (
    <View className="till">
      <View className="till__header">
        <Text className="till__title">收银台</Text>
        {staffName && <Text className="till__staff">当班：{staffName}</Text>}
      </View>
      {t.step === 'code' && (
        <View className="till__links">
          <Text className="till__link" onClick={() => go(routes.door)} data-testid="till-door-link">
            活动签到 ›
          </Text>
          {manager && (
            <Text className="till__link" onClick={() => go(routes.refund)} data-testid="till-refund-link">
              退款 ›
            </Text>
          )}
        </View>
      )}

      {t.step === 'code' && <ScanStep t={t} />}

      {t.step === 'member' && t.member && (
        <>
          <MemberSummary member={t.member} usableCoupons={usableCount(t.coupons)} birthday={t.birthdayCoupon} />
          {manager && (
            <View className="till__links">
              <Text className="till__link" onClick={() => void g.openGrant()} data-testid="till-grant-open">
                发券 ›
              </Text>
              <Text className="till__link" onClick={b.openCorrection} data-testid="till-birthday-fix-open">
                修改生日 ›
              </Text>
            </View>
          )}
          {b.saved && (
            <Text className="till__notice" data-testid="till-birthday-fix-done">
              生日已更新：{birthdayText(b.saved)}
            </Text>
          )}
          <MemberEvents t={t} />
          <MemberPickups t={t} />
          <PurchaseForm t={t} coupon={t.coupons.find((c) => c.id === t.selectedCouponId) ?? null} />
          <GrantSheet g={g} />
          <BirthdaySheet b={b} />
        </>
      )}

      {t.step === 'coupon' && <CouponStep t={t} manager={manager} />}
      {t.step === 'pickup' && <PickupStep t={t} manager={manager} />}
      {t.step === 'ticket' && <TicketStep t={t} />}

      {t.step === 'done' && t.result && <TillResult result={t.result} onNext={t.next} />}
      {t.step === 'verified' && t.verified && <VerifiedResult verified={t.verified} onNext={t.next} />}

      {t.error && t.confirm === null && (
        <View className="till__error" data-testid="till-error">
          <Text>{t.error}</Text>
        </View>
      )}
    </View>
  )
}
