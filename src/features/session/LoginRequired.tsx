import { ErrorBlock } from '../../components/state-view'
import { supportsDevLogin } from '../../services/api'
import { DevLoginPanel } from './DevLoginPanel'

/**
 * No session. On H5 that means "pick a demo identity"; inside WeChat the identity comes from WeChat itself, so
 * a missing one is a transient server-side problem: say so and offer a retry, never the demo login.
 */
export function LoginRequired({ onDone }: { onDone: () => void }) {
  if (supportsDevLogin()) return <DevLoginPanel onDone={onDone} />
  return <ErrorBlock message="请先登录" onRetry={onDone} />
}
