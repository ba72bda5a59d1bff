import type { ErrorCode } from '../../../contract'
import { checkInOpensAt, doorState } from '../../../domain/events/event-rules'
import { inZone } from '../../../domain/zone-offset'
import type { DoorEntryRow } from '../../db/repositories/event-door'
import type { UseCaseContext } from '../store-context'

/**
 * Why the door refuses, as the clerk reads it: the event (cancelled, not open yet with from when, closed) and the
 * registration (checked in already with when and by whom, waitlisted, cancelled). Decided at ctx.now in store time.
 */
export interface DoorRefusal {
  code: ErrorCode
  message: string
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "14:02", store time. */
export function hourMinute(ctx: UseCaseContext, at: Date): string {
  const w = inZone(at.getTime(), ctx.store.timezone)
  return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`
}

/** "12月6日 12:00", store time. */
function monthDayTime(ctx: UseCaseContext, at: Date): string {
  const w = inZone(at.getTime(), ctx.store.timezone)
  return `${w.getUTCMonth() + 1}月${w.getUTCDate()}日 ${hourMinute(ctx, at)}`
}

/** The event's side: cancelled, or the door not open at ctx.now (from 2 h before the start through the end). */
export function doorRefusal(ctx: UseCaseContext, e: { status: string; startsAt: Date; endsAt: Date }): DoorRefusal | null {
  if (e.status === 'cancelled') return { code: 'EVENT_CANCELLED', message: '该活动已取消' }
  const state = doorState(e, ctx.now)
  if (state === 'not_open') return { code: 'CHECK_IN_NOT_OPEN', message: `开始前 2 小时可签到（${monthDayTime(ctx, checkInOpensAt(e))} 起）` }
  if (state === 'closed') return { code: 'CHECK_IN_CLOSED', message: '活动已结束，签到已关闭' }
  return null
}

/** "已签到 14:02 · 店员小王". */
export function checkedInText(ctx: UseCaseContext, r: Pick<DoorEntryRow, 'checkedInAt' | 'checkedInByName'>): string {
  const at = r.checkedInAt ? ` ${hourMinute(ctx, r.checkedInAt)}` : ''
  return `已签到${at}${r.checkedInByName ? ` · ${r.checkedInByName}` : ''}`
}

/** The registration's side. A no-show is treated as registered: a late arrival before the end may still come in. */
export function entryRefusal(ctx: UseCaseContext, r: Pick<DoorEntryRow, 'status' | 'checkedInAt' | 'checkedInByName'>): DoorRefusal | null {
  if (r.status === 'attended') return { code: 'CHECK_IN_ALREADY_DONE', message: checkedInText(ctx, r) }
  if (r.status === 'waitlisted') return { code: 'CHECK_IN_WAITLISTED', message: '该会员仍在候补中，未获得名额' }
  if (r.status === 'cancelled') return { code: 'CHECK_IN_CANCELLED', message: '该会员的报名已取消' }
  return null
}
