import { nextSendTime } from '../../domain/birthday/send-window'
import { instantAt, localDateOf } from '../../domain/local-time'
import { pointsExpiringNotification } from '../../domain/notifications/points-expiring'
import { daysLeftToUse, lastUsableDay, reminderThresholdDue } from '../../domain/points-expiry'
import type { AppDeps } from '../app/deps'
import { notificationRow } from '../app/notifications/enqueue'
import { loadStoreContext } from '../app/store-context'
import { anyPointsExpiringBetween, findExpiringPoints, queueNotifications } from '../db/repositories/points-reminders'
import type { ChunkInput, ChunkResult, JobDefinition } from './job'

export const POINTS_REMINDER_CHUNK = 2_000

/**
 * 「积分即将过期」: members whose soonest points expire within the store's warning days (30) are told once, and
 * again within the last-call days (7): one notification per member, expiry and threshold (its dedupe key), so a
 * second run, or a run resumed after a cut-off, queues nothing twice. Only members with such points > 0. The
 * message is in 消息 at once; its WeChat copy (with the member's consent, checked by the delivery job) waits for
 * the send window. One transaction per chunk of members (keyset by id).
 */
export async function pointsExpiryRemindersChunk(deps: AppDeps, input: ChunkInput, limit = POINTS_REMINDER_CHUNK): Promise<ChunkResult> {
  const { pointsExpiryWarnDays: warn, pointsExpiryLastCallDays: lastCall } = input.store
  const days = Math.max(warn, lastCall)
  if (days <= 0) return { cursor: input.cursor, done: true, counts: {} }
  const run = await deps.db.transaction(async (tx) => {
    const ctx = await loadStoreContext(tx, deps.config, input.asOf)
    const zone = ctx.store.timezone
    const today = localDateOf(ctx.now, zone)
    // Points usable through the last day of the window expire at its next midnight at the latest.
    const until = instantAt(zone, today.year, today.month, today.day + days + 1)
    if (!(await anyPointsExpiringBetween(tx, ctx.store.id, ctx.now, until))) return { scanned: 0, lastId: null, found: 0, queued: 0 }
    const scan = await findExpiringPoints(tx, {
      storeId: ctx.store.id,
      now: ctx.now,
      until,
      afterMemberId: input.cursor === null ? null : Number(input.cursor),
      limit,
    })
    const rows = scan.rows.flatMap((p) => {
      const daysLeft = daysLeftToUse(ctx.now, p.expiresAt, zone)
      const threshold = reminderThresholdDue(daysLeft, warn, lastCall)
      if (threshold === null) return []
      const draft = pointsExpiringNotification({ memberId: p.memberId, points: p.points, expiresAt: p.expiresAt, lastDay: lastUsableDay(p.expiresAt, zone), threshold, daysLeft })
      return [notificationRow(ctx, p.memberId, draft)]
    })
    const queued = await queueNotifications(tx, ctx.store.id, nextSendTime(ctx.now, zone, ctx.store.notifyFromHour, ctx.store.notifyToHour), rows)
    return { scanned: scan.scanned, lastId: scan.lastMemberId, found: scan.rows.length, queued }
  })
  return {
    cursor: run.lastId === null ? input.cursor : String(run.lastId),
    done: run.scanned < limit,
    counts: { scanned: run.scanned, expiring: run.found, reminded: run.queued },
  }
}

export const pointsExpiryRemindersJob: JobDefinition = {
  name: 'pointsExpiryReminders',
  description: '积分到期前提醒（到期前 30 天和 7 天各一次）',
  schedule: '0 9 * * *',
  wechatApis: [],
  leaseS: 10 * 60,
  chunk: (deps, input) => pointsExpiryRemindersChunk(deps, input),
}
