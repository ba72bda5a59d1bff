import type { ApiName } from '../../contract'
import type { FunctionGroup } from '../../contract/groups'
import { birthdayOperations } from './birthday/operations'
import { cardOperations } from './card/operations'
import { couponTemplatesOperations } from './coupon-templates/operations'
import { couponsOperations } from './coupons/operations'
import { eventDoorOperations } from './event-door/operations'
import { eventPublishingOperations } from './event-publishing/operations'
import { eventsOperations } from './events/operations'
import { mallOperations } from './mall/operations'
import { mallCatalogOperations } from './mall-catalog/operations'
import { notificationsOperations } from './notifications/operations'
import type { Operation } from './operation'
import { pointsOperations } from './points/operations'
import { sessionOperations } from './session/operations'
import { tillOperations } from './till/operations'

/**
 * Every operation, from the features' own lists. A new feature adds one line here; its operations, their
 * access and their WeChat permissions are declared beside the use cases (`<feature>/<operation>.ts`).
 */
export const operations: readonly Operation[] = [
  ...sessionOperations,
  ...cardOperations,
  ...pointsOperations,
  ...tillOperations,
  ...notificationsOperations,
  ...couponsOperations,
  ...couponTemplatesOperations,
  ...birthdayOperations,
  ...mallOperations,
  ...mallCatalogOperations,
  ...eventsOperations,
  ...eventDoorOperations,
  ...eventPublishingOperations,
]

const byName = new Map<string, Operation>(operations.map((op) => [op.name, op]))
if (byName.size !== operations.length) throw new Error('registry: two operations share a name')

/** The operation a function name names; a Map, so '__proto__' or 'toString' find nothing. */
export function findOperation(name: string): Operation | undefined {
  return byName.get(name)
}

/** The cloud function each operation belongs to (mirrored for the client in src/contract/groups.ts). */
export function operationGroups(): Record<ApiName, FunctionGroup> {
  return Object.fromEntries(operations.map((op) => [op.name, op.group])) as Record<ApiName, FunctionGroup>
}
