import type { ApiName } from '../../contract'
import { cardOperations } from './card/operations'
import { notificationsOperations } from './notifications/operations'
import type { Operation } from './operation'
import { pointsOperations } from './points/operations'
import { sessionOperations } from './session/operations'
import { tillOperations } from './till/operations'

/**
 * Every operation, from the features' own lists. A new feature adds one line here; its operations, their
 * access and their WeChat permissions are declared beside the use cases (`<feature>/<operation>.ts`).
 */
export const operations: readonly Operation[] = [...sessionOperations, ...cardOperations, ...pointsOperations, ...tillOperations, ...notificationsOperations]

const byName = new Map<string, Operation>(operations.map((op) => [op.name, op]))
if (byName.size !== operations.length) throw new Error('registry: two operations share a name')

/** The operation a function name names; a Map, so '__proto__' or 'toString' find nothing. */
export function findOperation(name: string): Operation | undefined {
  return byName.get(name)
}

/** WeChat server APIs per operation: the source of each cloud function's config.json permissions. */
export function wechatPermissions(): Record<ApiName, readonly string[]> {
  return Object.fromEntries(operations.map((op) => [op.name, op.wechatApis])) as Record<ApiName, readonly string[]>
}
