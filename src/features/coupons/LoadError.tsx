import { ErrorBlock } from '../../components/state-view'
import type { ApiError } from '../../services/api'
import { go, routes } from '../../services/nav'

/** A page that could not load: 重试, or 去开卡 when the caller has no card yet; offline says so in its words. */
export function LoadError({ error, onRetry }: { error: ApiError | null; onRetry: () => void }) {
  const notMember = error?.code === 'NOT_A_MEMBER'
  return (
    <ErrorBlock
      message={error?.message ?? '加载失败'}
      retryText={notMember ? '去开卡' : '重试'}
      onRetry={() => (notMember ? go(routes.openCard) : onRetry())}
    />
  )
}
