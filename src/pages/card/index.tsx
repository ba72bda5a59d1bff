import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ErrorBlock, EmptyBlock, LoadingBlock, OfflineBanner } from '../../components/state-view'
import { CardFace } from '../../features/card/CardFace'
import { PointsCountdown } from '../../features/card/PointsCountdown'
import { useMyCard } from '../../features/card/use-my-card'
import { birthdayBannerText, usableCouponHint } from '../../features/card/view-model'
import { usePageVisible } from '../../features/common/use-page-visible'
import { MemberCode } from '../../features/member-code/MemberCode'
import { useMemberCode } from '../../features/member-code/use-member-code'
import { LoginRequired } from '../../features/session/LoginRequired'
import { isStaff } from '../../features/session/store'
import { useSession } from '../../features/session/use-session'
import { go, routes } from '../../services/nav'
import './index.scss'

/** 会员卡 (home tab): composes the card, the member code and the session/empty/error states. */
export default function CardPage() {
  const visible = usePageVisible()
  const { status, card, offline, error, load, welcome, dismissWelcome } = useMyCard(visible)
  // Also with the stored card while offline: the last code received stays usable at the till for a while.
  const code = useMemberCode(visible && status === 'ready')
  const { me, reload: reloadSession } = useSession()
  useDidShow(() => void reloadSession())
  const staff = me !== null && isStaff(me.role)
  // After a demo login both the card and the identity change (a clerk must see 进入收银台 at once).
  const afterLogin = () => {
    void load()
    void reloadSession()
  }

  return (
    <View className="page card-page">
      {offline && <OfflineBanner text="网络不可用，显示的是上次同步的会员卡，恢复后自动更新" />}
      {(status === 'idle' || status === 'loading') && <LoadingBlock />}
      {status === 'login' && <LoginRequired onDone={afterLogin} />}
      {status === 'error' && <ErrorBlock message={error?.message ?? '加载失败'} onRetry={() => void load()} />}
      {status === 'no-card' && (
        <EmptyBlock title="您还没有会员卡" description="开通会员卡，消费即可累积积分和成长值，享受会员折扣">
          <Button type="primary" size="large" onClick={() => go(routes.openCard)} data-testid="open-card-button">
            开通会员卡
          </Button>
          {/* Staff open the app at the till: their way in should not hide behind the 我的 tab. */}
          {staff && (
            <Button className="card-page__till" fill="outline" type="primary" size="large" onClick={() => go(routes.till)} data-testid="card-till-link">
              进入收银台
            </Button>
          )}
        </EmptyBlock>
      )}
      {status === 'ready' && card && (
        <>
          {welcome && (
            <View className="card-page__welcome" onClick={dismissWelcome} data-testid="card-welcome">
              <Text className="card-page__welcome-title">欢迎加入，{card.nickname}！</Text>
              <Text className="card-page__welcome-text">会员卡已开通。结账时出示下方会员码，消费即得积分。</Text>
              <Text className="card-page__welcome-close">知道了</Text>
            </View>
          )}
          {card.birthdayMonth && (
            <View className="card-page__birthday" onClick={() => go(routes.birthday)} data-testid="card-birthday-banner">
              <Text className="card-page__birthday-title">🎂 生日快乐！</Text>
              <Text className="card-page__birthday-text">{birthdayBannerText(card.birthdayMonth)}</Text>
              <Text className="card-page__birthday-arrow">›</Text>
            </View>
          )}
          <CardFace card={card} />
          <MemberCode state={code} onRefresh={() => void code.refresh()} />
          {/* Below the code: showing it at the till is the card's first job, on the first screen even at 320×568. */}
          {card.pointsExpiry?.countdown && <PointsCountdown expiry={card.pointsExpiry} />}
          <View className="card-page__links">
            <View className="card-page__link" onClick={() => go(routes.wallet)} data-testid="card-wallet-link">
              <Text>券包</Text>
              <View className="card-page__link-right">
                {usableCouponHint(card.usableCouponCount) && (
                  <Text className="card-page__hint" data-testid="card-wallet-count">
                    {usableCouponHint(card.usableCouponCount)}
                  </Text>
                )}
                <Text className="card-page__arrow">›</Text>
              </View>
            </View>
            <View className="card-page__link" onClick={() => go(routes.couponCenter)} data-testid="card-center-link">
              <Text>领券中心</Text>
              <Text className="card-page__arrow">›</Text>
            </View>
            <View className="card-page__link" onClick={() => go(routes.points)} data-testid="points-history-link">
              <Text>积分明细</Text>
              <Text className="card-page__arrow">›</Text>
            </View>
          </View>
        </>
      )}
    </View>
  )
}
