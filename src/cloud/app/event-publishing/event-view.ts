import { AppError, type AdminEventView, type EventStatus } from '../../../contract'
import { eventPhase } from '../../../domain/events/event-rules'
import { findAdminEvent, type AdminEventRow, type CatalogEventRow } from '../../db/repositories/event-catalog'
import type { ImageStorage } from '../storage/image-storage'
import type { UseCaseContext } from '../store-context'
import { toFormValues } from './event-fields'

/** An event as the console shows it: counts, publishing state, and the editor's values in store time. */
export function toAdminEventView(row: AdminEventRow, ctx: UseCaseContext, images: Pick<ImageStorage, 'urlOf'>): AdminEventView {
  const e = row.event
  const iso = (d: Date | null) => (d ? d.toISOString() : null)
  return {
    id: String(e.id),
    status: e.status as EventStatus,
    phase: eventPhase(e, ctx.now),
    title: e.title,
    coverUrl: e.coverKey ? images.urlOf(e.coverKey) : null,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    place: e.place,
    capacity: e.capacity,
    registeredCount: e.seatsTaken,
    waitlistCount: e.waitlistCount,
    attendedCount: row.attendedCount,
    pointsCost: e.pointsCost,
    rewardPoints: e.rewardPoints,
    publishAt: iso(e.publishAt),
    publishedAt: iso(e.publishedAt),
    notifyOnPublish: e.notifyOnPublish,
    cancelledAt: iso(e.cancelledAt),
    cancelReason: e.cancelReason,
    form: toFormValues(e, ctx.store.timezone),
  }
}

/** The event as the console shows it after a write, read back in the same transaction. */
export async function loadAdminEventView(ctx: UseCaseContext, id: number, images: Pick<ImageStorage, 'urlOf'>): Promise<AdminEventView> {
  const row = await findAdminEvent(ctx.tx, ctx.store.id, id)
  if (!row) throw new AppError('EVENT_NOT_FOUND')
  return toAdminEventView(row, ctx, images)
}

/** What the audit log keeps of an event change: the settings, no personal data. */
type AuditedEvent = Pick<CatalogEventRow, 'id' | 'title' | 'status' | 'capacity' | 'startsAt' | 'place'> & { pointsCost?: number }

export function eventAuditDetail(e: AuditedEvent, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { eventId: e.id, title: e.title, status: e.status, capacity: e.capacity, startsAt: e.startsAt.toISOString(), place: e.place, pointsCost: e.pointsCost, ...extra }
}
