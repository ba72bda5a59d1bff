import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useDidShow } from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { ApiOutput } from '../../contract'
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/state-view'
import { go, routes } from '../../services/nav'
import { LoginRequired } from './LoginRequired'
import { isManager } from './store'
import { useSession } from './use-session'

type Me = ApiOutput<'whoAmI'>


/**
 * A manager's page (退款, 优惠券管理): loading / login / error with 重试 until whoAmI answers, 无权限 for anyone
 * else, then the page. As on the till, only the FIRST load gates: a later reload that fails keeps the page (and
 * what the manager typed) on screen. The server checks the role again on every call; this only spares a dead end.
 */
export function ManagerGate({ what, children }: { what: string; children: (me: Me) => ReactNode }) {
  const session = useSession()
  useDidShow(() => void session.reload())
  const me = session.me
  if (!me) {
    if (session.status === 'login') return <LoginRequired onDone={() => void session.reload()} />
    if (session.status === 'error') return <ErrorBlock message={session.error?.message ?? '加载失败'} onRetry={() => void session.reload()} />
    return <LoadingBlock />
  }
  if (!isManager(me.role)) {
    return (
      <View data-testid="manager-forbidden">
        <EmptyBlock title="无权限" description={`${what}仅限店长使用`}>
          <Button type="primary" onClick={() => go(routes.me)}>
            返回我的
          </Button>
        </EmptyBlock>
      </View>
    )
  }
  return <>{children(me)}</>
}
