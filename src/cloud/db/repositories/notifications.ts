import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { DeliveryStatus, NotificationKind } from '../../../contract/enums'
import { executeRows, preparedStatement, type Tx } from '../db'
import { notifications } from '../schema'

export type NotificationRow = typeof notifications.$inferSelect

export interface NewNotification {
  storeId: number
  memberId: number
  kind: NotificationKind
  dedupeKey: string
  title: string
  body: string
  payload: Record<string, string | number>
  deliveryStatus: Extract<DeliveryStatus, 'none' | 'pending' | 'skipped'>
  templateId: string | null
  wechatData: Record<string, { value: string }> | null
  page: string | null
  lastError: string | null
  createdAt: Date
}

/** A NewNotification as statement parameters (JSON as text, times as ISO strings: the same on PGlite and pg). */
export type NotificationValues = Record<'storeId' | 'memberId' | 'kind' | 'dedupeKey' | 'title' | 'body' | 'payload' | 'deliveryStatus' | 'templateId' | 'wechatData' | 'page' | 'lastError' | 'createdAt', unknown>

export function notificationValues(row: NewNotification): NotificationValues {
  return {
    ...row,
    payload: JSON.stringify(row.payload),
    wechatData: row.wechatData === null ? null : JSON.stringify(row.wechatData),
    createdAt: row.createdAt.toISOString(),
  }
}

const insertNotificationStatement = preparedStatement<{ id: number | string }, NotificationValues>(
  'notification_insert_if_new',
  sql`
    insert into ${notifications} (store_id, member_id, kind, dedupe_key, title, body, payload, delivery_status, template_id, wechat_data,
      page, last_error, created_at, next_attempt_at)
    values (${sql.placeholder('storeId')}::int, ${sql.placeholder('memberId')}::bigint, ${sql.placeholder('kind')}, ${sql.placeholder('dedupeKey')},
      ${sql.placeholder('title')}, ${sql.placeholder('body')}, ${sql.placeholder('payload')}::jsonb, ${sql.placeholder('deliveryStatus')},
      ${sql.placeholder('templateId')}::text, ${sql.placeholder('wechatData')}::jsonb, ${sql.placeholder('page')}::text,
      ${sql.placeholder('lastError')}::text, ${sql.placeholder('createdAt')}::timestamptz, ${sql.placeholder('createdAt')}::timestamptz)
    on conflict (store_id, dedupe_key) do nothing
    returning id`,
)

/** Queues one notification, once per dedupe key: the id, or null when that key was queued before. */
export async function insertNotificationIfNew(tx: Tx, row: NewNotification): Promise<number | null> {
  const [inserted] = await insertNotificationStatement(tx, notificationValues(row))
  return inserted ? Number(inserted.id) : null
}

/** A member's notifications, newest first, after `beforeId` (keyset paging). */
export async function listMemberNotifications(tx: Tx, memberId: number, beforeId: number | null, limit: number): Promise<NotificationRow[]> {
  return tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.memberId, memberId), beforeId === null ? undefined : lt(notifications.id, beforeId)))
    .orderBy(desc(notifications.id))
    .limit(limit)
}

export async function countUnread(tx: Tx, memberId: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.memberId, memberId), isNull(notifications.readAt)))
  return row.n
}

/** Marks the member's own notifications read (only theirs, only unread ones: idempotent); all of them without ids. */
export async function markRead(tx: Tx, memberId: number, ids: readonly number[] | null, now: Date): Promise<void> {
  await tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.memberId, memberId), isNull(notifications.readAt), ids === null ? undefined : inArray(notifications.id, [...ids])))
}

// ---- Delivery (the WeChat channel) ----------------------------------------------------------------------------

export interface ClaimedNotification {
  id: number
  memberId: number
  templateId: string
  memberActive: boolean
}

/**
 * Locks up to `limit` due notifications that no other delivery run holds (SKIP LOCKED: concurrent runs take
 * disjoint rows instead of waiting), oldest first.
 */
export async function claimDueNotifications(tx: Tx, storeId: number, now: Date, limit: number): Promise<ClaimedNotification[]> {
  const rows = await executeRows<{ id: number | string; member_id: number | string; template_id: string; status: string }>(
    tx.execute(sql`
      with due as (
        select id from notifications
        where store_id = ${storeId} and delivery_status in ('pending', 'retry')
          and next_attempt_at <= ${now.toISOString()}::timestamptz
        order by id
        limit ${limit}
        for update skip locked
      )
      select n.id, n.member_id, n.template_id, m.status
      from notifications n join due on due.id = n.id join members m on m.id = n.member_id
      order by n.id`),
  )
  return rows.map((r) => ({ id: Number(r.id), memberId: Number(r.member_id), templateId: r.template_id, memberActive: r.status === 'active' }))
}

export interface ToSend {
  id: number
  memberId: number
  templateId: string
  data: Record<string, { value: string }>
  page: string | null
  /** Looked up now, at send time: never stored in the notification. */
  openid: string
  attempts: number
}

/** Marks claimed rows 'sending' (attempt counted, time noted) and returns what the WeChat call needs. */
export async function markSending(tx: Tx, ids: readonly number[], now: Date): Promise<ToSend[]> {
  if (ids.length === 0) return []
  const rows = await executeRows<{
    id: number | string
    member_id: number | string
    template_id: string
    wechat_data: Record<string, { value: string }>
    page: string | null
    openid: string
    attempts: number
  }>(
    tx.execute(sql`
      update notifications n
      set delivery_status = 'sending', sending_at = ${now.toISOString()}::timestamptz, attempts = n.attempts + 1
      from members m
      where m.id = n.member_id and n.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
      returning n.id, n.member_id, n.template_id, n.wechat_data, n.page, m.openid, n.attempts`),
  )
  return rows.map((r) => ({ id: Number(r.id), memberId: Number(r.member_id), templateId: r.template_id, data: r.wechat_data, page: r.page, openid: r.openid, attempts: r.attempts }))
}

export interface DeliveryOutcome {
  id: number
  status: Extract<DeliveryStatus, 'sent' | 'retry' | 'skipped' | 'failed'>
  error: string | null
  nextAttemptAt?: Date | null
}

/** Writes a chunk's outcomes in one statement. */
export async function recordOutcomes(tx: Tx, outcomes: readonly DeliveryOutcome[], now: Date): Promise<void> {
  if (outcomes.length === 0) return
  const values = outcomes.map(
    (o) => sql`(${o.id}::bigint, ${o.status}::text, ${o.error}::text, ${(o.nextAttemptAt ?? now).toISOString()}::timestamptz)`,
  )
  await tx.execute(sql`
    update notifications n
    set delivery_status = v.status, last_error = v.error, next_attempt_at = v.next_attempt_at,
        sent_at = case when v.status = 'sent' then ${now.toISOString()}::timestamptz else n.sent_at end
    from (values ${sql.join(values, sql`, `)}) as v(id, status, error, next_attempt_at)
    where n.id = v.id`)
}

/**
 * A row still 'sending' long after its claim was cut off between the claim and the outcome (a crash, a timeout):
 * WeChat may or may not have delivered it, so it is failed as unknown, never sent again (at most once).
 */
export async function failStaleSending(tx: Tx, storeId: number, staleBefore: Date): Promise<number> {
  const rows = await executeRows<{ id: number }>(
    tx.execute(sql`
      update notifications set delivery_status = 'failed', last_error = 'outcome unknown: interrupted while sending'
      where store_id = ${storeId} and delivery_status = 'sending' and sending_at < ${staleBefore.toISOString()}::timestamptz
      returning id`),
  )
  return rows.length
}
