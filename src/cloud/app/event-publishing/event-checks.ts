import { AppError } from '../../../contract'
import type { CatalogEventRow, EventFields } from '../../db/repositories/event-catalog'

/**
 * What the contract cannot check without the clock: a new start must lie ahead (an edit that keeps the start
 * keeps it, so an ongoing event's capacity can still be changed), and so must a new end. Field errors name the
 * editor's field, as the contract's do.
 */
export function assertTimesAhead(fields: EventFields, before: Pick<CatalogEventRow, 'startsAt' | 'endsAt'> | null, now: Date): void {
  const moved = (a: Date, b: Date | undefined) => b === undefined || a.getTime() !== b.getTime()
  if (moved(fields.startsAt, before?.startsAt) && fields.startsAt.getTime() <= now.getTime()) {
    throw new AppError('EVENT_INVALID', undefined, { 'event.startsAt': '开始时间应晚于现在' })
  }
  if (moved(fields.endsAt, before?.endsAt) && fields.endsAt.getTime() <= now.getTime()) {
    throw new AppError('EVENT_INVALID', undefined, { 'event.endsAt': '结束时间应晚于现在' })
  }
}

/** An event can be edited, published or cancelled until it ends, unless it was cancelled. */
export function assertEditable(e: Pick<CatalogEventRow, 'status' | 'endsAt'>, now: Date): void {
  if (e.status === 'cancelled' || e.endsAt.getTime() < now.getTime()) throw new AppError('EVENT_NOT_EDITABLE')
}
