import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { DoorEntryView, DoorEventView } from '../../contract/event-door'
import { STORE_UTC_OFFSET_MIN } from '../common/store-time'

dayjs.extend(utc)

/** 14:02 on the store's clock, whatever the phone's zone ('' for an unreadable time). */
export function storeClock(iso: string): string {
  const t = dayjs(iso).utcOffset(STORE_UTC_OFFSET_MIN)
  return t.isValid() ? t.format('HH:mm') : ''
}

/** "12月1日 14:00" from a stored "YYYY-MM-DD HH:mm" (already store time). */
export function localText(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})$/.exec(local)
  return m ? `${Number(m[2])}月${Number(m[3])}日 ${m[4]}` : local
}

/** A time either stored as "YYYY-MM-DD HH:mm" (store time) or sent as an instant, both as "12月1日 10:00". */
export function whenText(v: string): string {
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v)) return localText(v)
  const t = dayjs(v).utcOffset(STORE_UTC_OFFSET_MIN)
  return t.isValid() ? `${t.month() + 1}月${t.date()}日 ${t.format('HH:mm')}` : ''
}

/** "YYYY-MM-DD HH:mm" in store time, from either form (the door's views send instants). */
function storeLocal(v: string): string {
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v)) return v
  const t = dayjs(v).utcOffset(STORE_UTC_OFFSET_MIN)
  return t.isValid() ? t.format('YYYY-MM-DD HH:mm') : v
}

/** "12月1日 14:00–16:00", or both dates when it runs over midnight (store time). */
export function spanText(startsAt: string, endsAt: string): string {
  const [from, to] = [storeLocal(startsAt), storeLocal(endsAt)]
  return from.slice(0, 10) === to.slice(0, 10) ? `${localText(from)}–${to.slice(11)}` : `${localText(from)} 至 ${localText(to)}`
}

const STATUS_TEXT: Record<DoorEntryView['status'], string> = {
  registered: '未签到',
  waitlisted: '候补中',
  attended: '已签到',
  no_show: '未到场',
  cancelled: '已取消',
}

/** The entry's line at the door: "已签到 14:02 · 小王", "候补第 2 位", "未签到", "已取消". */
export function entryStatusText(e: Pick<DoorEntryView, 'status' | 'checkedIn' | 'waitlistPosition'>): string {
  if (e.checkedIn) return `已签到 ${storeClock(e.checkedIn.at)} · ${e.checkedIn.staffName}`
  if (e.status === 'waitlisted' && e.waitlistPosition) return `候补第 ${e.waitlistPosition} 位`
  return STATUS_TEXT[e.status]
}

/** Whether the clerk may check this registration in now (the server's reason is null for exactly those). */
export const canCheckIn = (e: Pick<DoorEntryView, 'status' | 'reason'>) => e.status === 'registered' && e.reason === null

/** "已签到 12 / 已报名 30，剩余 2 席，候补 3". */
export function doorCountsText(ev: Pick<DoorEventView, 'attendedCount' | 'registeredCount' | 'seatsLeft' | 'waitlistCount'>): string {
  return `已签到 ${ev.attendedCount} / 已报名 ${ev.registeredCount}，剩余 ${ev.seatsLeft} 席，候补 ${ev.waitlistCount}`
}

/** The big green line: "签到成功 · +50 积分" (a retry that returned the first check-in says so). */
export function checkedInText(rewardPoints: number, repeated = false): string {
  const base = rewardPoints > 0 ? `签到成功 · +${rewardPoints} 积分` : '签到成功'
  return repeated ? `${base}（重复提交，未重复计分）` : base
}

export type DoorFilter = 'all' | 'waiting' | 'in'
export const DOOR_FILTERS: ReadonlyArray<readonly [DoorFilter, string]> = [
  ['all', '全部'],
  ['waiting', '未签到'],
  ['in', '已签到'],
]

/** The door list filtered by status and by a search on name, masked phone or member number. */
export function filterEntries(entries: DoorEntryView[], filter: DoorFilter, query: string): DoorEntryView[] {
  const q = query.trim().toLowerCase()
  return entries.filter((e) => {
    if (filter === 'waiting' && e.status !== 'registered') return false
    if (filter === 'in' && e.status !== 'attended') return false
    if (!q) return true
    return [e.nickname, e.phoneMasked, e.memberNo].some((s) => s.toLowerCase().includes(q))
  })
}
