import type { DoorEntryView } from '../../../contract'
import { CHECK_IN_OPENS_BEFORE_MS } from '../../../domain/events/event-rules'
import { listOpenDoorEntriesOf } from '../../db/repositories/event-door'
import { waitlistPositionOf } from '../../db/repositories/event-registrations'
import type { UseCaseContext } from '../store-context'
import { toDoorEntryView } from './door-views'

/** The member's registrations (any status but cancelled) for events whose door is open now: the till's lookup shows them. */
export async function openDoorEntriesOf(ctx: UseCaseContext, memberId: number): Promise<DoorEntryView[]> {
  const rows = await listOpenDoorEntriesOf(ctx.tx, memberId, ctx.now, CHECK_IN_OPENS_BEFORE_MS)
  return Promise.all(
    rows.map(async (r) => toDoorEntryView(ctx, r, await waitlistPositionOf(ctx.tx, r))),
  )
}
