import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useDidShow } from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { ApiOutput } from '../../contract'
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/state-view'
import { LoginRequired } from '../session/LoginRequired'
import { isStaff } from '../session/store'
import { useSession } from '../session/use-session'
import { go, routes } from '../../services/nav'

type Me = ApiOutput<'whoAmI'>

/**
 * The door is for staff (clerks and managers). As on the till, only the first whoAmI gates: a later reload that
 * fails keeps the door list on screen. The server checks the role on every call anyway.
 */
export function StaffGate({ children }: { children: (me: Me) => ReactNode }) {
  const session = useSession()
  useDidShow(() => void session.reload())
  const me = session.me
  if (!me) {
    if (session.status === 'login') return <LoginRequired onDone={() => void session.reload()} />
    if (session.status === 'error') return <ErrorBlock message={session.error?.message ?? '加载失败'} onRetry={() => void session.reload()} />
    return <LoadingBlock />
  }
  if (!isStaff(me.role)) {
    return (
      <View data-testid="door-forbidden">
        <EmptyBlock title="无权限" description="活动签到仅限门店员工使用">
          <Button type="primary" onClick={() => go(routes.card)}>
            返回会员卡
          </Button>
        </EmptyBlock>
      </View>
    )
  }
  return <>{children(me)}</>
}
