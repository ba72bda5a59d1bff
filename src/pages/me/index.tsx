import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { ErrorBlock, LoadingBlock } from '../../components/state-view'
import { useUnreadCount } from '../../features/notifications/use-unread-count'
import { unreadHint } from '../../features/notifications/view-model'
import { LoginRequired } from '../../features/session/LoginRequired'
import { isManager, isStaff, roleLabel } from '../../features/session/store'
import { useSession } from '../../features/session/use-session'
import { supportsDevLogin } from '../../services/api'
import { go, routes, type Route } from '../../services/nav'
import './index.scss'

interface LinkProps {
  title: string
  hint?: string
  route: Route
  testId: string
}

function LinkRow({ title, hint, route, testId }: LinkProps) {
  return (
    <View className="me-page__row" onClick={() => go(route)} data-testid={testId}>
      <Text>{title}</Text>
      <View className="me-page__row-right">
        {hint && <Text className="me-page__hint">{hint}</Text>}
        <Text className="me-page__arrow">›</Text>
      </View>
    </View>
  )
}

/** 我的: who I am, where I can go (收银台 and 活动签到 only for staff, the consoles for managers), and on H5 switching the demo identity. */
export default function MePage() {
  const { status, me, error, reload, logout } = useSession()
  useDidShow(() => void reload())
  const unread = useUnreadCount(status === 'ready' && me?.hasCard === true)

  const name = me?.staffName ?? me?.nickname ?? (me?.hasCard ? '会员' : '新顾客')

  return (
    <View className="page me-page">
      {(status === 'idle' || status === 'loading') && <LoadingBlock />}
      {status === 'login' && <LoginRequired onDone={() => void reload()} />}
      {status === 'error' && <ErrorBlock message={error?.message ?? '加载失败'} onRetry={() => void reload()} />}
      {status === 'ready' && me && (
        <>
          <View className="me-page__header">
            <View className="me-page__avatar">{name.slice(0, 1)}</View>
            <View className="me-page__who">
              <Text className="me-page__name" data-testid="me-name">
                {name}
              </Text>
              <Text className="me-page__role" data-testid="me-role">
                {roleLabel(me.role)}
                {me.role === 'member' && !me.hasCard ? ' · 未开卡' : ''}
              </Text>
            </View>
          </View>
          {me.hasCard && (
            <>
              <View className="me-page__group">
                <LinkRow title="积分明细" route={routes.points} testId="me-points-link" />
                <LinkRow title="消息" hint={unreadHint(unread)} route={routes.notifications} testId="me-notifications-link" />
              </View>
              <View className="me-page__group">
                <LinkRow title="我的券包" route={routes.wallet} testId="me-wallet-link" />
                <LinkRow title="我的兑换" hint="积分商城兑换的礼品" route={routes.redemptions} testId="me-redemptions-link" />
                <LinkRow title="我的活动" hint="报名、候补与签到码" route={routes.myRegistrations} testId="me-registrations-link" />
                <LinkRow title="领券中心" route={routes.couponCenter} testId="me-center-link" />
                {/* The birthday is set (once) on the 生日礼 page when it was not given at 开卡. */}
                <LinkRow title="生日礼" hint="生日当月领好礼" route={routes.birthday} testId="me-birthday-link" />
              </View>
            </>
          )}
          {((!me.hasCard && me.role === 'member') || isStaff(me.role)) && (
            <View className="me-page__group">
              {!me.hasCard && me.role === 'member' && (
                <LinkRow title="开通会员卡" hint="立享会员权益" route={routes.openCard} testId="me-open-card-link" />
              )}
              {isStaff(me.role) && <LinkRow title="收银台" hint="扫码入账" route={routes.till} testId="me-till-link" />}
              {isStaff(me.role) && <LinkRow title="活动签到" hint="扫签到码入场" route={routes.door} testId="me-door-link" />}
              {isManager(me.role) && <LinkRow title="优惠券管理" hint="券模板" route={routes.couponTemplates} testId="me-coupon-templates-link" />}
              {isManager(me.role) && <LinkRow title="积分商城管理" hint="商品与兑换记录" route={routes.consoleMallItems} testId="me-mall-items-link" />}
              {isManager(me.role) && <LinkRow title="活动管理" hint="发布活动与报名结果" route={routes.consoleEvents} testId="me-console-events-link" />}
            </View>
          )}
        </>
      )}
      {supportsDevLogin() && status !== 'login' && (
        <View className="me-page__group">
          <View className="me-page__row me-page__row--center" onClick={logout} data-testid="switch-identity">
            <Text>切换演示身份</Text>
          </View>
        </View>
      )}
    </View>
  )
}
