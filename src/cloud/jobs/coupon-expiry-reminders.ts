import { nextSendTime } from '../../domain/birthday/send-window'
import { daysBetween, instantAt, localDateOf } from '../../domain/local-time'
import { couponExpiringNotification } from '../../domain/notifications/coupon-notifications'
import type { AppDeps } from '../app/deps'
import { notificationRow } from '../app/notifications/enqueue'
import { loadStoreContext } from '../app/store-context'
import { findCouponsToRemind, remindCoupons } from '../db/repositories/coupon-reminders'
import type { ChunkInput, ChunkResult, JobDefinition } from './job'

export const REMINDER_CHUNK = 2_000

/**
 * 「优惠券即将过期」: each available coupon ending within the store's coupon_expiry_reminder_days (by the end of
 * that day, store time) is reminded once: reminded_at is set by a guarded update and the notification is queued
 * for exactly the rows it set, in one transaction per chunk. The WeChat copy waits for the send window.
 */
export async function couponExpiryRemindersChunk(deps: AppDeps, input: ChunkInput, limit = REMINDER_CHUNK): Promise<ChunkResult> {
  const days = input.store.couponExpiryReminderDays
  if (days <= 0) return { cursor: input.cursor, done: true, counts: {} }
  const reminded = await deps.db.transaction(async (tx) => {
    const ctx = await loadStoreContext(tx, deps.config, input.asOf)
    const zone = ctx.store.timezone
    const today = localDateOf(ctx.now, zone)
    const endsBy = new Date(instantAt(zone, today.year, today.month, today.day + days + 1).getTime() - 1)
    const coupons = await findCouponsToRemind(tx, {
      storeId: ctx.store.id,
      now: ctx.now,
      endsBy,
      afterId: input.cursor === null ? null : Number(input.cursor),
      limit,
    })
    const reminders = coupons.map((c) => ({
      couponId: c.id,
      notification: notificationRow(
        ctx,
        c.memberId,
        couponExpiringNotification({ couponId: c.id, couponName: c.name, validTo: c.validTo, daysLeft: daysBetween(today, localDateOf(c.validTo, zone)) }),
      ),
    }))
    const n = await remindCoupons(tx, ctx.store.id, ctx.now, nextSendTime(ctx.now, zone, ctx.store.notifyFromHour, ctx.store.notifyToHour), reminders)
    return { scanned: coupons.length, lastId: coupons.at(-1)?.id ?? null, n }
  })
  return {
    cursor: reminded.lastId === null ? input.cursor : String(reminded.lastId),
    done: reminded.scanned < limit,
    counts: { scanned: reminded.scanned, reminded: reminded.n },
  }
}

export const couponExpiryRemindersJob: JobDefinition = {
  name: 'couponExpiryReminders',
  description: '优惠券到期前提醒（每张券一次）',
  schedule: '0 9 * * *',
  wechatApis: [],
  leaseS: 10 * 60,
  chunk: (deps, input) => couponExpiryRemindersChunk(deps, input),
}
