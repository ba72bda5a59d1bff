import { AppError, type DoorEntryView, type DoorEventView } from '../../../contract'
import { writeAudit } from '../../db/repositories/audit-log'
import { checkInRegistration, findDoorEvent, findEntryById, ledgerEntryDelta, type DoorEntryRow, type DoorEventRow } from '../../db/repositories/event-door'
import { lockMemberForIssue } from '../../db/repositories/member-coupons'
import type { StaffRow } from '../../db/repositories/staff'
import { RecordedRefusal } from '../recorded-refusal'
import type { UseCaseContext } from '../store-context'
import { creditAttendanceReward } from './attendance-reward'
import { checkedInText, doorRefusal, entryRefusal } from './door-rules'
import { toDoorEntryView, toDoorEventView } from './door-views'

export interface DoorResult {
  entry: DoorEntryView
  event: DoorEventView
  rewardPoints: number
  repeated: boolean
}

/** How the registration was reached: its ticket, the member's code and a chosen event, or 现场补签. */
export type CheckInVia = 'ticket' | 'member' | 'walk_in'

/** The idempotency key of one clerk's check-in request: their own retry gets the first result. */
export const checkInKey = (staff: Pick<StaffRow, 'id'>, requestId: string) => `${staff.id}:${requestId}`

/**
 * Checks a live registration in, exactly once: the door window and the registration's state at ctx.now, then the
 * member's lock (the lock order of every points move: member first), then the guarded update registered → attended.
 * When that update finds nothing to change, the registration is read again: this clerk's own retry gets the first
 * result; anyone else gets 已签到 14:02 · 店员小王, and that refusal is recorded in the audit log.
 */
export async function checkInEntry(ctx: UseCaseContext, staff: StaffRow, entry: DoorEntryRow, requestId: string, via: CheckInVia): Promise<DoorResult> {
  const key = checkInKey(staff, requestId)
  if (entry.status === 'attended') return repeatOrRefuse(ctx, staff, entry, key)
  const refusal = doorRefusal(ctx, { status: entry.eventStatus, startsAt: entry.eventStartsAt, endsAt: entry.eventEndsAt }) ?? entryRefusal(ctx, entry)
  if (refusal) throw new AppError(refusal.code, refusal.message)

  const member = await lockMemberForIssue(ctx.tx, entry.memberId)
  if (member) assertNotOwnCheckIn(staff, member)
  const done = await checkInRegistration(ctx.tx, { registrationId: entry.id, staffId: staff.id, requestKey: key, at: ctx.now })
  if (!done) {
    const now = await findEntryById(ctx.tx, ctx.store.id, entry.id)
    if (now?.status === 'attended') return repeatOrRefuse(ctx, staff, now, key)
    const changed = now ? entryRefusal(ctx, now) : null
    throw changed ? new AppError(changed.code, changed.message) : new AppError('CHECK_IN_NOT_REGISTERED')
  }
  const event = await doorEventOrThrow(ctx, done.eventId)
  const rewardPoints = await creditAttendanceReward(ctx, done, event.rewardPoints, event.title)
  await auditCheckIn(ctx, staff, { action: 'event.check_in', memberId: done.memberId, registrationId: done.id, eventId: done.eventId, via, requestId, rewardPoints })
  return doorResult(ctx, done.id, rewardPoints, false)
}

/**
 * A clerk cannot check their own card in (the attendance reward is points: the till's SELF_DEALING rule); a manager
 * or admin can, and the audit entry shows it.
 */
export function assertNotOwnCheckIn(staff: Pick<StaffRow, 'openid' | 'role'>, member: { openid: string }): void {
  if (member.openid === staff.openid && staff.role === 'clerk') throw new AppError('SELF_DEALING', '店员不能为自己签到，请由其他店员或店长操作')
}

/** Already attended: this very request's retry (the first result), or a second scan, refused and recorded. */
async function repeatOrRefuse(ctx: UseCaseContext, staff: StaffRow, entry: DoorEntryRow, key: string): Promise<DoorResult> {
  if (entry.checkInRequestKey === key) {
    const reward = entry.rewardEntryId === null ? 0 : ((await ledgerEntryDelta(ctx.tx, entry.rewardEntryId)) ?? 0)
    return doorResult(ctx, entry.id, reward, true)
  }
  await writeAudit(ctx.tx, {
    staffId: staff.id,
    action: 'event.check_in_refused',
    memberId: entry.memberId,
    detail: { registrationId: entry.id, eventId: entry.eventId, checkedInByStaffId: entry.checkedInByStaffId, requestKey: key },
    createdAt: ctx.now,
  })
  throw new RecordedRefusal('CHECK_IN_ALREADY_DONE', checkedInText(ctx, entry))
}

export async function doorEventOrThrow(ctx: UseCaseContext, eventId: number): Promise<DoorEventRow> {
  const event = await findDoorEvent(ctx.tx, ctx.store.id, eventId)
  if (!event) throw new AppError('EVENT_NOT_FOUND')
  return event
}

/** The registration and its event as they are now (after the write), for the answer. */
export async function doorResult(ctx: UseCaseContext, registrationId: number, rewardPoints: number, repeated: boolean): Promise<DoorResult> {
  const entry = await findEntryById(ctx.tx, ctx.store.id, registrationId)
  if (!entry) throw new Error(`doorResult: registration ${registrationId} vanished`)
  const event = await doorEventOrThrow(ctx, entry.eventId)
  return { entry: toDoorEntryView(ctx, entry, null), event: toDoorEventView(ctx, event), rewardPoints, repeated }
}

export async function auditCheckIn(
  ctx: UseCaseContext,
  staff: Pick<StaffRow, 'id'>,
  a: { action: string; memberId: number; registrationId: number; eventId: number } & Record<string, unknown>,
): Promise<void> {
  const { action, memberId, ...detail } = a
  await writeAudit(ctx.tx, { staffId: staff.id, action, memberId, detail, createdAt: ctx.now })
}
