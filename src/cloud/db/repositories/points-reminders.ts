import { sql } from 'drizzle-orm'
import { executeRows, type Tx } from '../db'
import { members, notifications, pointsLots } from '../schema'
import type { NewNotification } from './notifications'

export interface ExpiringPoints {
  memberId: number
  /** The points of the member's soonest open expiry (those lots together). */
  points: number
  expiresAt: Date
}

export interface MemberScan<T> {
  rows: T[]
  /** Members looked at in this chunk (the keyset cursor moves over all of them), and the last one's id. */
  scanned: number
  lastMemberId: number | null
}

/**
 * The reminders job's chunk: the next `limit` active members after `afterMemberId` (by id), and for those whose
 * soonest open lots expire after `now` and by `until`, those lots' points. Walking the members (not the lots)
 * keeps each chunk a bounded number of index probes (points_lots_member_open_ix), so the whole run is linear.
 */
export async function findExpiringPoints(
  tx: Tx,
  q: { storeId: number; now: Date; until: Date; afterMemberId: number | null; limit: number },
): Promise<MemberScan<ExpiringPoints>> {
  const rows = await executeRows<{ id: number | string; points: number | string | null; expires_at: string | Date | null }>(
    tx.execute(sql`
      select m.id, n.points, n.expires_at
      from (
        select id from ${members}
        where store_id = ${q.storeId} and status = 'active' and id > ${q.afterMemberId ?? 0}
        order by id limit ${q.limit}
      ) m
      left join lateral (
        select sum(remaining) as points, expires_at from ${pointsLots}
        where member_id = m.id and remaining > 0 and expires_at > ${q.now.toISOString()}::timestamptz
        group by expires_at order by expires_at limit 1
      ) n on n.expires_at <= ${q.until.toISOString()}::timestamptz
      order by m.id`),
  )
  return {
    rows: rows
      .filter((r) => r.expires_at !== null && Number(r.points) > 0)
      .map((r) => ({ memberId: Number(r.id), points: Number(r.points), expiresAt: new Date(r.expires_at as string) })),
    scanned: rows.length,
    lastMemberId: rows.length === 0 ? null : Number(rows[rows.length - 1].id),
  }
}

/** Whether any open lot of the store expires after `now` and by `until`: most days none does, and the run ends at once. */
export async function anyPointsExpiringBetween(tx: Tx, storeId: number, now: Date, until: Date): Promise<boolean> {
  const [row] = await executeRows<{ any: boolean }>(
    tx.execute(sql`
      select exists (
        select 1 from ${pointsLots}
        where store_id = ${storeId} and remaining > 0 and expires_at > ${now.toISOString()}::timestamptz and expires_at <= ${until.toISOString()}::timestamptz
      ) as any`),
  )
  return Boolean(row?.any)
}

/**
 * Queues many notifications in ONE statement, each once per its dedupe key (a second run queues nothing), the
 * WeChat copy not before `nextAttemptAt` (the send window). Returns how many were queued now.
 */
export async function queueNotifications(tx: Tx, storeId: number, nextAttemptAt: Date, rows: readonly NewNotification[]): Promise<number> {
  if (rows.length === 0) return 0
  const input = JSON.stringify(
    rows.map((n) => ({
      member_id: n.memberId,
      kind: n.kind,
      dedupe_key: n.dedupeKey,
      title: n.title,
      body: n.body,
      payload: n.payload,
      delivery_status: n.deliveryStatus,
      template_id: n.templateId,
      wechat_data: n.wechatData,
      page: n.page,
      last_error: n.lastError,
      created_at: n.createdAt.toISOString(),
    })),
  )
  const inserted = await executeRows<{ id: number | string }>(
    tx.execute(sql`
      insert into ${notifications} (store_id, member_id, kind, dedupe_key, title, body, payload, delivery_status, template_id,
        wechat_data, page, last_error, created_at, next_attempt_at)
      select ${storeId}, i.member_id, i.kind, i.dedupe_key, i.title, i.body, i.payload, i.delivery_status, i.template_id,
        i.wechat_data, i.page, i.last_error, i.created_at, ${nextAttemptAt.toISOString()}::timestamptz
      from jsonb_to_recordset(${input}::jsonb) as i(member_id bigint, kind text, dedupe_key text, title text, body text, payload jsonb,
        delivery_status text, template_id text, wechat_data jsonb, page text, last_error text, created_at timestamptz)
      order by i.member_id
      on conflict (store_id, dedupe_key) do nothing
      returning id`),
  )
  return inserted.length
}
