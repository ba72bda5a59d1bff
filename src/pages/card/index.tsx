import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ErrorBlock, EmptyBlock, LoadingBlock, OfflineBanner } from '../../components/state-view'
import { CardFace } from '../../features/card/CardFace'
import { useMyCard } from '../../features/card/use-my-card'
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
  const { status, card, offline, error, load } = useMyCard()
  const visible = usePageVisible()
  const code = useMemberCode(visible && status === 'ready' && !offline)
  const { me, reload: reloadSession } = useSession()
  useDidShow(() => void reloadSession())
  const staff = me !== null && isStaff(me.role)

  return (
    <View className="page card-page">
      {offline && <OfflineBanner />}
      {(status === 'idle' || status === 'loading') && <LoadingBlock />}
      {status === 'login' && <LoginRequired onDone={() => void load()} />}
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
          <CardFace card={card} />
          {offline ? (
            <View className="card-page__code-offline">
              <Text>网络恢复后才能出示会员码</Text>
            </View>
          ) : (
            <MemberCode state={code} onRefresh={() => void code.refresh()} />
          )}
          <View className="card-page__links">
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
