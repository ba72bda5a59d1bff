import { AppError } from '../../../contract'
import { formatLocalDate, localDateOf } from '../../../domain/local-time'
import { maskPhone } from '../../../domain/phone-mask'
import { findAdminEvent } from '../../db/repositories/event-catalog'
import { listRoster } from '../../db/repositories/event-results'
import { writeAudit } from '../../db/repositories/audit-log'
import { rowId } from '../coupons/ids'
import { defineOperation } from '../operation'
import { decryptPhone } from '../personal-data'
import { localOfInstant } from './event-fields'
import { toCsv } from './roster-csv'

const STATUS_LABELS: Record<string, string> = { registered: '已报名', waitlisted: '候补', attended: '已签到', no_show: '未到场', cancelled: '已取消' }
const HEADER = ['会员号', '昵称', '手机号', '状态', '候补位置', '报名时间', '签到时间']

/**
 * The roster as CSV (phones masked, times in store time). The waitlist position is the place among those still
 * waiting, in arrival order. Audited: a list of members leaves the system.
 */
export const exportEventRoster = defineOperation({
  name: 'exportEventRoster',
  access: { staff: ['manager', 'admin'] },
  group: 'console',
  run: async (ctx, staff, input) => {
    const id = rowId(input.eventId)
    const found = id === null ? null : await findAdminEvent(ctx.tx, ctx.store.id, id)
    if (!found) throw new AppError('EVENT_NOT_FOUND')
    const zone = ctx.store.timezone
    const roster = await listRoster(ctx.tx, found.event.id)
    const waiting = roster.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.waitlistSeq ?? 0) - (b.waitlistSeq ?? 0))
    const position = new Map(waiting.map((r, i) => [r.registrationId, i + 1]))
    const rows = roster.map((r) => [
      r.memberNo,
      r.nickname,
      maskPhone(decryptPhone(ctx.config, r.phoneEnc)),
      STATUS_LABELS[r.status] ?? r.status,
      String(position.get(r.registrationId) ?? ''),
      localOfInstant(r.createdAt, zone),
      r.checkedInAt ? localOfInstant(r.checkedInAt, zone) : '',
    ])
    await writeAudit(ctx.tx, { staffId: staff.id, action: 'event.export_roster', memberId: null, detail: { eventId: found.event.id, rows: rows.length }, createdAt: ctx.now })
    const day = formatLocalDate(localDateOf(ctx.now, zone)).replace(/-/g, '')
    return { filename: `活动名单-${found.event.id}-${day}.csv`, csv: toCsv(HEADER, rows), rows: rows.length }
  },
})
