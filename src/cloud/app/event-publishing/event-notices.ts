import type { NotificationKind } from '../../../contract/enums'
import { nextSendTime } from '../../../domain/birthday/send-window'
import { tierAtLeast } from '../../../domain/events/event-rules'
import {
  eventChangedNotification,
  eventPublishedDedupePrefix,
  eventPublishedNotification,
  eventReminderNotification,
} from '../../../domain/notifications/event-notifications'
import type { NotificationDraft } from '../../../domain/notifications/points-credited'
import { formatTemplateData } from '../../../domain/notifications/template-data'
import type { CatalogEventRow } from '../../db/repositories/event-catalog'
import { fanOutNotice, publishAudience, registrationAudience, type FanOutWechat } from '../../db/repositories/event-notices'
import { markNoticeQueued } from '../../db/repositories/event-catalog'
import type { UseCaseContext } from '../store-context'

/**
 * The events' notices to many members, each ONE set-based statement inside the caller's transaction (so a
 * rolled-back change queues nothing): the publish notice, the 活动变更 notice and the 2-hour reminder. The text and
 * the WeChat data are the same for every recipient: built once here; the WeChat copy waits for the quiet hours.
 */

/** The tiers that may sign up (the minimum tier and above), or null: everyone. */
export function audienceTiers(ctx: UseCaseContext, minTierCode: string | null): string[] | null {
  if (minTierCode === null) return null
  return ctx.tiers.filter((t) => tierAtLeast(ctx.tiers, t.code, minTierCode)).map((t) => t.code)
}

/** The publish notice's text (the member in the draft only names its dedupe key, built per member in SQL). */
export function publishedDraft(e: CatalogEventRow): NotificationDraft {
  return eventPublishedNotification({ eventId: e.id, title: e.title, startsAt: e.startsAt, place: e.place, memberId: 0, pointsCost: e.pointsCost, rewardPoints: e.rewardPoints })
}

/** When a WeChat message queued now may go: now, or the end of the store's quiet hours. */
export function wechatSendTime(ctx: UseCaseContext): Date {
  return nextSendTime(ctx.now, ctx.store.timezone, ctx.store.notifyFromHour, ctx.store.notifyToHour)
}

/** The WeChat copy for a kind: none without a template; the data formatted once (or why it cannot be). */
function wechatCopy(ctx: UseCaseContext, kind: NotificationKind, draft: NotificationDraft): FanOutWechat {
  const template = ctx.notificationTemplates.get(kind)
  if (!template) return null
  const formatted = formatTemplateData(template.fields, draft.payload, ctx.store.timezone)
  if (!formatted.ok) return { templateId: template.templateId, page: template.page, problem: formatted.problems.join('; ') }
  return { templateId: template.templateId, page: template.page, data: formatted.data, sendAt: wechatSendTime(ctx) }
}

function notice(ctx: UseCaseContext, draft: NotificationDraft) {
  return { storeId: ctx.store.id, kind: draft.kind, title: draft.title, body: draft.body, payload: draft.payload, createdAt: ctx.now, wechat: wechatCopy(ctx, draft.kind, draft) }
}

/**
 * 「新活动」 to every member who may sign up, once per event: `notice_queued_at` is set first by a guarded update,
 * so a second caller (a retry, the job run twice) queues nothing. Returns the rows queued.
 */
export async function queuePublishNotice(ctx: UseCaseContext, e: CatalogEventRow): Promise<number> {
  if (!(await markNoticeQueued(ctx.tx, e.id, ctx.now))) return 0
  const audience = publishAudience(ctx.store.id, audienceTiers(ctx, e.minTierCode), eventPublishedDedupePrefix(e.id))
  const result = await fanOutNotice(ctx.tx, audience, notice(ctx, publishedDraft(e)))
  ctx.effects.notificationsQueued += result.pending
  return result.queued
}

/** 「活动变更」 to every registered and waitlisted member, once per member and change. Returns the members told. */
export async function tellEventChanged(ctx: UseCaseContext, e: CatalogEventRow, what: string, changedAt: Date): Promise<number> {
  const draft = eventChangedNotification({ eventId: e.id, title: e.title, startsAt: e.startsAt, place: e.place, memberId: 0, changedAt, what })
  const audience = registrationAudience(e.id, ['registered', 'waitlisted'], 'member', `event_changed:${e.id}:`, `:${changedAt.getTime()}`)
  const result = await fanOutNotice(ctx.tx, audience, notice(ctx, draft))
  ctx.effects.notificationsQueued += result.pending
  return result.queued
}

/** 「活动即将开始」 to every registered member, once per registration. Returns the rows queued now. */
export async function queueEventReminders(ctx: UseCaseContext, e: CatalogEventRow): Promise<number> {
  const draft = eventReminderNotification({ eventId: e.id, title: e.title, startsAt: e.startsAt, place: e.place, registrationId: 0 })
  const audience = registrationAudience(e.id, ['registered'], 'registration', 'event_reminder:')
  const result = await fanOutNotice(ctx.tx, audience, notice(ctx, draft))
  ctx.effects.notificationsQueued += result.pending
  return result.queued
}
