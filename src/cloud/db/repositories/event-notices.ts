import { sql, type SQL } from 'drizzle-orm'
import type { NotificationKind } from '../../../contract/enums'
import type { TemplateData } from '../../../domain/notifications/template-data'
import { executeRows, type Tx } from '../db'
import { eventRegistrations, members, notifications, subscriptionConsents } from '../schema'

/**
 * The events' notices to many members at once, set-based: ONE `insert … select` per notice and event, whatever
 * the audience (100,000 members is one statement, not 100,000 round trips). Each member gets one row per dedupe
 * key (`on conflict do nothing`: a retry or a second job run queues nothing). The text is the same for every
 * member, so it is built (and its WeChat data formatted) once in JS and inserted as a constant; only the
 * recipient and the dedupe key come from the rows. The WeChat copy is `pending` only for members holding an
 * unused consent for the template (subscription_consents.count > 0), `skipped` for the others.
 */

/** The WeChat copy of a fan-out: none (the store has no template), refused by the formatter, or ready to send. */
export type FanOutWechat =
  | null
  | { templateId: string; page: string | null; problem: string }
  | { templateId: string; page: string | null; data: TemplateData; sendAt: Date }

export interface FanOutNotice {
  storeId: number
  kind: NotificationKind
  title: string
  body: string
  payload: Record<string, string | number>
  createdAt: Date
  wechat: FanOutWechat
}

export interface FanOutResult {
  /** Rows queued now (in-app). */
  queued: number
  /** Of them, WeChat copies waiting to be sent. */
  pending: number
}

/** Who a publish notice reaches: the store's active members, of these tiers when the event has a minimum tier. */
export function publishAudience(storeId: number, tierCodes: readonly string[] | null, dedupePrefix: string): SQL {
  return sql`select m.id as member_id, ${dedupePrefix} || m.id as dedupe_key from ${members} m
    where m.store_id = ${storeId} and m.status = 'active' ${tierFilter(tierCodes)}`
}

/** The members holding a live registration of these statuses, one row per registration, keyed by `keyOf`. */
export function registrationAudience(eventId: number, statuses: readonly string[], keyOf: 'member' | 'registration', prefix: string, suffix = ''): SQL {
  const id = keyOf === 'member' ? sql`r.member_id` : sql`r.id`
  return sql`select r.member_id, ${prefix} || ${id} || ${suffix} as dedupe_key from ${eventRegistrations} r
    where r.event_id = ${eventId} and r.status in (${sql.join(
      statuses.map((s) => sql`${s}`),
      sql`, `,
    )})`
}

function tierFilter(tierCodes: readonly string[] | null): SQL {
  if (tierCodes === null) return sql``
  if (tierCodes.length === 0) return sql`and false`
  return sql`and m.tier_code in (${sql.join(
    tierCodes.map((c) => sql`${c}`),
    sql`, `,
  )})`
}

/** Queues `notice` to every member `audience` yields (member_id, dedupe_key), in one statement. */
export async function fanOutNotice(tx: Tx, audience: SQL, notice: FanOutNotice): Promise<FanOutResult> {
  const w = notice.wechat
  const created = sql`${notice.createdAt.toISOString()}::timestamptz`
  let columns: SQL
  let consentJoin = sql``
  if (w === null) {
    columns = sql`'none', null::text, null::jsonb, null::text, null::text, ${created}`
  } else if ('problem' in w) {
    columns = sql`'skipped', ${w.templateId}, null::jsonb, ${w.page}, ${`format: ${w.problem}`}, ${created}`
  } else {
    // subscription_consents is unique on (member_id, template_id): at most one row joins per member.
    consentJoin = sql`left join ${subscriptionConsents} c on c.member_id = a.member_id and c.template_id = ${w.templateId} and c.count > 0`
    const reachable = sql`c.id is not null`
    columns = sql`case when ${reachable} then 'pending' else 'skipped' end, ${w.templateId},
      case when ${reachable} then ${JSON.stringify(w.data)}::jsonb end, ${w.page},
      case when ${reachable} then null else 'no unused consent' end,
      case when ${reachable} then ${w.sendAt.toISOString()}::timestamptz else ${created} end`
  }
  const [row] = await executeRows<{ queued: number | string; pending: number | string }>(
    tx.execute(sql`
      with ins as (
        insert into ${notifications} (store_id, member_id, kind, dedupe_key, title, body, payload,
          delivery_status, template_id, wechat_data, page, last_error, next_attempt_at, created_at)
        select ${notice.storeId}, a.member_id, ${notice.kind}, a.dedupe_key, ${notice.title}, ${notice.body}, ${JSON.stringify(notice.payload)}::jsonb,
          ${columns}, ${created}
        from (${audience}) a
        ${consentJoin}
        order by a.member_id
        on conflict (store_id, dedupe_key) do nothing
        returning delivery_status
      )
      select count(*) as queued, count(*) filter (where delivery_status = 'pending') as pending from ins`),
  )
  return { queued: Number(row.queued), pending: Number(row.pending) }
}

/** "将通知 N 位会员（其中 M 位可收到微信消息）": the publish audience and those with an unused consent for `templateId`. */
export async function countPublishAudience(
  tx: Tx,
  storeId: number,
  tierCodes: readonly string[] | null,
  templateId: string | null,
): Promise<{ audience: number; reachable: number }> {
  const reachable =
    templateId === null
      ? sql`0`
      : sql`count(*) filter (where exists (select 1 from ${subscriptionConsents} c where c.member_id = m.id and c.template_id = ${templateId} and c.count > 0))`
  const [row] = await executeRows<{ audience: number | string; reachable: number | string }>(
    tx.execute(sql`select count(*) as audience, ${reachable} as reachable from ${members} m where m.store_id = ${storeId} and m.status = 'active' ${tierFilter(tierCodes)}`),
  )
  return { audience: Number(row.audience), reachable: Number(row.reachable) }
}
