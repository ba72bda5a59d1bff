import { sql } from 'drizzle-orm'
import { executeRows, type Tx } from '../db'
import { memberCoupons, members, notifications } from '../schema'
import type { NewNotification } from './notifications'

export interface ExpiringCoupon {
  id: number
  memberId: number
  name: string
  validTo: Date
}

/**
 * Available coupons of active members ending by `endsBy` and not yet reminded, by id after the keyset cursor
 * (member_coupons_reminder_ix holds exactly these rows). A coupon already past its end is not reminded.
 */
export async function findCouponsToRemind(tx: Tx, q: { storeId: number; now: Date; endsBy: Date; afterId: number | null; limit: number }): Promise<ExpiringCoupon[]> {
  const rows = await executeRows<{ id: number | string; member_id: number | string; name: string; valid_to: string | Date }>(
    tx.execute(sql`
      select c.id, c.member_id, c.name, c.valid_to
      from ${memberCoupons} c join ${members} m on m.id = c.member_id
      where c.store_id = ${q.storeId} and c.status = 'available' and c.reminded_at is null
        and c.valid_to >= ${q.now.toISOString()}::timestamptz and c.valid_to <= ${q.endsBy.toISOString()}::timestamptz
        and c.id > ${q.afterId ?? 0} and m.status = 'active'
      order by c.id
      limit ${q.limit}`),
  )
  return rows.map((r) => ({ id: Number(r.id), memberId: Number(r.member_id), name: r.name, validTo: new Date(r.valid_to) }))
}

/**
 * One statement: marks the coupons reminded (guarded: still available and not reminded, so a concurrent run
 * marks each once) and queues, for exactly the rows it marked, their notification (once per dedupe key).
 * Returns how many were reminded now.
 */
export async function remindCoupons(
  tx: Tx,
  storeId: number,
  now: Date,
  nextAttemptAt: Date,
  reminders: ReadonlyArray<{ couponId: number; notification: NewNotification }>,
): Promise<number> {
  if (reminders.length === 0) return 0
  const input = JSON.stringify(
    reminders.map(({ couponId, notification: n }) => ({
      coupon_id: couponId,
      member_id: n.memberId,
      dedupe_key: n.dedupeKey,
      title: n.title,
      body: n.body,
      payload: n.payload,
      delivery_status: n.deliveryStatus,
      template_id: n.templateId,
      wechat_data: n.wechatData,
      page: n.page,
      last_error: n.lastError,
    })),
  )
  const [row] = await executeRows<{ n: number | string }>(
    tx.execute(sql`
      with input as (
        select * from jsonb_to_recordset(${input}::jsonb) as i(coupon_id bigint, member_id bigint, dedupe_key text, title text, body text,
          payload jsonb, delivery_status text, template_id text, wechat_data jsonb, page text, last_error text)
      ), marked as (
        update ${memberCoupons} c set reminded_at = ${now.toISOString()}::timestamptz
        from input i
        where c.id = i.coupon_id and c.store_id = ${storeId} and c.member_id = i.member_id and c.status = 'available' and c.reminded_at is null
        returning c.id
      ), notice as (
        insert into ${notifications} (store_id, member_id, kind, dedupe_key, title, body, payload, delivery_status, template_id,
          wechat_data, page, last_error, created_at, next_attempt_at)
        select ${storeId}, i.member_id, 'coupon_expiring', i.dedupe_key, i.title, i.body, i.payload, i.delivery_status, i.template_id,
          i.wechat_data, i.page, i.last_error, ${now.toISOString()}::timestamptz, ${nextAttemptAt.toISOString()}::timestamptz
        from marked join input i on i.coupon_id = marked.id
        order by marked.id
        on conflict (store_id, dedupe_key) do nothing
      )
      select count(*) as n from marked`),
  )
  return Number(row.n)
}
