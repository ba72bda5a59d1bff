import { and, desc, eq, lt, sql } from 'drizzle-orm'
import { AppError } from '../../../contract/errors'
import type { LedgerReason, TierCode } from '../../../contract/enums'
import { executeRows, preparedStatement, type Tx } from '../db'
import { auditLog, couponTemplates, couponVerifications, members, notifications, pointsLedger, pointsLots, purchases } from '../schema'
import { notificationValues, type NewNotification, type NotificationValues } from './notifications'
import type { NewPurchase } from './purchases'

export type LedgerRow = typeof pointsLedger.$inferSelect

export interface PointsMovement {
  storeId: number
  memberId: number
  reason: LedgerReason
  /** Positive credits, negative debits; never 0 (a CHECK refuses it). */
  delta: number
  /**
   * The idempotency key, unique per store: a replay fails instead of moving points twice. Callers claim their
   * own key first where they have one (a purchase claims its receipt row), so a retry stops before this.
   */
  requestId: string
  note: string | null
  /** When the credited points expire (the lot's expiry, after createdAt; src/domain/points-expiry.ts); null: never. Ignored for debits. */
  expiresAt: Date | null
  createdAt: Date
  /** Growth to add in the same statement (a purchase earns both); default 0. */
  growthDelta?: number
  /**
   * The entry this one reverses: a 'refund' credit puts its points back into the lots that debit took them from
   * (those still open); a 'clawback' debit takes from the lot that 'earn' made first.
   */
  reversesEntryId?: number | null
}

export interface PostedPoints {
  entryId: number
  pointsBalance: number
  growth: number
  tierCode: TierCode
}

/**
 * The one way points move. In ONE statement: the member's balance changes by `delta` only if the result stays
 * >= 0 and the card is active (the guard; it also locks the row for the rest of the transaction), and the ledger
 * entry is inserted from the updated row, so there can be no balance change without its entry or the reverse.
 * The entry's lots follow in the same statement (the ledger's trigger, migration 0008): a credit is a new lot, a
 * debit takes the oldest open lots first, a refund goes back into the lots its debit took from.
 * A debit first locks the member and expires any of their lots that are due (expireDuePoints), so a spend at
 * 00:00:00 on 1 January cannot use points that expired at that instant even if the year-end job has not run.
 * A debit larger than the usable balance is refused with POINTS_INSUFFICIENT and writes nothing, rather than
 * tripping the CHECK (points_balance >= 0) and surfacing as INTERNAL.
 * Nothing else writes points_ledger or members.points_balance (tests/integration/points-writers.test.ts checks).
 */
export async function postPoints(tx: Tx, movement: PointsMovement): Promise<PostedPoints> {
  const { storeId, memberId, reason, delta, requestId, note, createdAt } = movement
  const growthDelta = movement.growthDelta ?? 0
  const reversesEntryId = movement.reversesEntryId ?? null
  if (!Number.isSafeInteger(delta) || delta === 0) throw new Error(`postPoints: delta must be a non-zero integer, got ${delta}`)
  const expiresAt = delta > 0 ? movement.expiresAt : null
  if (expiresAt && expiresAt.getTime() <= createdAt.getTime()) throw new Error('postPoints: a credit cannot expire before it is made')
  if (delta < 0) await expireDuePoints(tx, storeId, memberId, createdAt)
  type Posted = { entry_id: number | string; points_balance: number; growth: number; tier_code: string }
  const [row] = await executeRows<Posted>(tx.execute(sql`
    with updated as (
      update ${members}
      set points_balance = points_balance + ${delta}, growth = growth + ${growthDelta}
      where id = ${memberId} and store_id = ${storeId} and status = 'active' and points_balance + ${delta} >= 0
      returning id, store_id, points_balance, growth, tier_code
    ), entry as (
      insert into ${pointsLedger} (store_id, member_id, reason, delta, request_id, note, expires_at, reverses_entry_id, created_at)
      select store_id, id, ${reason}, ${delta}, ${requestId}, ${note}, ${expiresAt?.toISOString() ?? null}::timestamptz,
        ${reversesEntryId}::bigint, ${createdAt.toISOString()}::timestamptz
      from updated
      returning id
    )
    select entry.id as entry_id, updated.points_balance, updated.growth, updated.tier_code
    from updated cross join entry`))
  if (row) {
    return { entryId: Number(row.entry_id), pointsBalance: Number(row.points_balance), growth: Number(row.growth), tierCode: row.tier_code as TierCode }
  }
  return explainNothingMoved(tx, memberId, storeId, delta)
}

/**
 * Locks the member's row for the rest of the transaction and writes one 'expire' entry for their lots that
 * are due at `now` (their lots follow by the trigger), so the balance afterwards holds only usable points.
 * Returns the points expired (0 when none were due: nothing written). The key is `expire:<member>:<latest
 * expiry>`: once those lots are expired nothing can refill them (a refund goes only into open lots), so the same
 * key is never needed twice, and the year-end job's entry for the same lots is the same entry.
 * The first statement both locks and looks: its look may be stale (it ran on the snapshot taken before the lock
 * was granted), but lots only become due by time passing, so a stale "none due" is true; a stale "some due" is
 * re-counted by the second statement, which runs after the lock.
 */
export async function expireDuePoints(tx: Tx, storeId: number, memberId: number, now: Date): Promise<number> {
  const at = now.toISOString()
  const [look] = await executeRows<{ due: boolean }>(tx.execute(sql`
    select exists (
      select 1 from ${pointsLots} l where l.member_id = m.id and l.remaining > 0 and l.expires_at <= ${at}::timestamptz
    ) as due
    from ${members} m where m.id = ${memberId} and m.store_id = ${storeId}
    for update of m`))
  if (!look?.due) return 0
  const [row] = await executeRows<{ expired: number | string }>(tx.execute(sql`
    with due as (
      select sum(remaining)::int as points, max(expires_at) as last_expiry
      from ${pointsLots} where member_id = ${memberId} and remaining > 0 and expires_at <= ${at}::timestamptz
    ), updated as (
      update ${members} m set points_balance = m.points_balance - due.points
      from due
      where m.id = ${memberId} and m.store_id = ${storeId} and due.points > 0
      returning m.id, m.store_id, due.points, due.last_expiry
    ), entry as (
      insert into ${pointsLedger} (store_id, member_id, reason, delta, request_id, note, expires_at, created_at)
      select store_id, id, 'expire', -points, 'expire:' || id || ':' || to_char(last_expiry at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        null, null, ${at}::timestamptz
      from updated
      returning delta
    )
    select coalesce((select -delta from entry), 0) as expired`))
  return Number(row?.expired ?? 0)
}

export interface DueScan {
  /** The scanned members with lots due, by id. */
  memberIds: number[]
  /** Members looked at (the keyset cursor moves over all of them), and the last one's id. */
  scanned: number
  lastMemberId: number | null
}

/**
 * The year-end job's chunk: the next `limit` members of the store after `afterMemberId` (by id), and which of
 * them have lots due at `now`. Walking the members by primary key, with one probe of points_lots_member_open_ix
 * each, keeps every chunk the same bounded work and the whole run linear (a scan of the due lots "after the
 * cursor" would re-read the expiry index from its start on every chunk).
 */
export async function findMembersWithDuePoints(tx: Tx, storeId: number, now: Date, afterMemberId: number | null, limit: number): Promise<DueScan> {
  const rows = await executeRows<{ id: number | string; due: boolean }>(tx.execute(sql`
    select m.id, exists (
      select 1 from ${pointsLots} l where l.member_id = m.id and l.remaining > 0 and l.expires_at <= ${now.toISOString()}::timestamptz
    ) as due
    from (
      select id from ${members} where store_id = ${storeId} and id > ${afterMemberId ?? 0} order by id limit ${limit}
    ) m
    order by m.id`))
  return {
    memberIds: rows.filter((r) => r.due).map((r) => Number(r.id)),
    scanned: rows.length,
    lastMemberId: rows.length === 0 ? null : Number(rows[rows.length - 1].id),
  }
}

/** Whether any lot of the store is due at `now` and not yet expired: most days none is, and the job ends at once. */
export async function anyPointsDue(tx: Tx, storeId: number, now: Date): Promise<boolean> {
  const [row] = await executeRows<{ any: boolean }>(tx.execute(sql`
    select exists (
      select 1 from ${pointsLots} where store_id = ${storeId} and remaining > 0 and expires_at <= ${now.toISOString()}::timestamptz
    ) as any`))
  return Boolean(row?.any)
}

/**
 * expireDuePoints for many members at once (the year-end job's chunk): the members are locked first, in id
 * order (its own statement, so a concurrent spend or a second run waits here and then sees the lots drained),
 * then ONE statement sums each member's due lots, lowers the balances and inserts one 'expire' entry per member
 * under the same key expireDuePoints uses (`expire:<member>:<latest expiry>`): whichever runs first expires the
 * lots, the other finds nothing due, and a duplicate key would fail loudly rather than expire twice. The lots
 * follow by the ledger's trigger. The guard keeps a balance from going below zero (the invariant Σ lots =
 * balance already does). Returns the members expired and the points.
 */
export async function expireDuePointsForMany(tx: Tx, storeId: number, memberIds: readonly number[], now: Date): Promise<{ members: number; points: number }> {
  if (memberIds.length === 0) return { members: 0, points: 0 }
  const ids = `{${memberIds.map((id) => Math.trunc(id)).join(',')}}`
  const at = now.toISOString()
  await tx.execute(sql`select id from ${members} where id = any(${ids}::bigint[]) and store_id = ${storeId} order by id for update`)
  const [row] = await executeRows<{ members: number | string; points: number | string | null }>(tx.execute(sql`
    with due as (
      select member_id, sum(remaining)::int as points, max(expires_at) as last_expiry
      from ${pointsLots}
      where member_id = any(${ids}::bigint[]) and store_id = ${storeId} and remaining > 0 and expires_at <= ${at}::timestamptz
      group by member_id
    ), updated as (
      update ${members} m set points_balance = m.points_balance - due.points
      from due
      where m.id = due.member_id and m.store_id = ${storeId} and due.points > 0 and m.points_balance - due.points >= 0
      returning m.id, m.store_id, due.points, due.last_expiry
    ), entry as (
      insert into ${pointsLedger} (store_id, member_id, reason, delta, request_id, note, expires_at, created_at)
      select store_id, id, 'expire', -points, 'expire:' || id || ':' || to_char(last_expiry at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        null, null, ${at}::timestamptz
      from updated order by id
      returning delta
    )
    select count(*) as members, coalesce(-sum(delta), 0) as points from entry`))
  return { members: Number(row?.members ?? 0), points: Number(row?.points ?? 0) }
}

/** Nothing moved: say why (read only on this rare path). */
async function explainNothingMoved(tx: Tx, memberId: number, storeId: number, delta: number): Promise<never> {
  const [member] = await tx
    .select({ status: members.status, pointsBalance: members.pointsBalance })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.storeId, storeId)))
  if (!member) throw new Error(`postPoints: member ${memberId} not found in store ${storeId}`)
  if (member.status !== 'active') throw new AppError('MEMBER_CLOSED')
  throw new AppError('POINTS_INSUFFICIENT', `积分不足：需要 ${-delta} 积分，当前只有 ${member.pointsBalance} 积分`)
}

const p = (name: keyof PurchaseCreditValues) => sql.placeholder(name)

export interface PurchaseCredit extends Required<NewPurchase>, Pick<PointsMovement, 'requestId' | 'note' | 'expiresAt'> {
  /** > 0; growth may be 0. */
  points: number
  growth: number
  /** The tier the member moves up to with this purchase (decided by the caller from the locked row), or null. */
  promoteTo: TierCode | null
  /**
   * The coupon's verification made for this purchase just before (linked to the purchase here), and its template,
   * whose used_count is raised here: in the transaction's last statement, since every coupon of a campaign shares
   * that row and its lock is held until commit. Both null without a coupon.
   */
  verificationId: number | null
  couponTemplateId: number | null
  /** The audit entry written with it; `purchaseId` is added to its detail by the statement. */
  audit: { action: string; detail: Record<string, unknown> }
  /**
   * A notification queued with it (「积分到账」), or null: inserted only when this statement credits the points
   * (a new receipt), and once per its dedupe key.
   */
  notification: NewNotification | null
}

type NotificationColumn = Exclude<keyof NotificationValues, 'storeId' | 'memberId'>
type NotificationParam = `notification${Capitalize<NotificationColumn>}`
type PurchaseCreditValues = Omit<PurchaseCredit, 'audit' | 'notification'> & { auditAction: string; auditDetail: string } & Record<NotificationParam, unknown>
const n = (column: NotificationColumn) => sql.placeholder(`notification${column[0].toUpperCase()}${column.slice(1)}`)

/**
 * A purchase in ONE statement (the till's hot path): the receipt row is inserted unless that receipt is already
 * recorded (its unique key is the idempotency key), and only if it was inserted do the balance, growth (and a
 * promotion) move, the ledger entry get written from the updated row, and the audit entry and the notification (if
 * any) follow. A duplicate or a concurrent second clerk moves nothing, exactly as claiming first and then
 * calling postPoints.
 */
const recordPurchaseStatement = preparedStatement<
  {
    purchase_id: number | string | null
    entry_id: number | string | null
    notification_id: number | string | null
    points_balance: number | null
    growth: number | null
    tier_code: string | null
  },
  Record<keyof PurchaseCreditValues, unknown>
>(
  'purchase_record_and_credit',
  sql`
    with claimed as (
      insert into ${purchases} (store_id, member_id, receipt_no, amount_fen, gross_fen, tier_discount_fen, coupon_discount_fen, coupon_id,
        staff_id, created_at)
      values (${p('storeId')}, ${p('memberId')}, ${p('receiptNo')}, ${p('amountFen')}, ${p('grossFen')}::int, ${p('tierDiscountFen')}::int,
        ${p('couponDiscountFen')}::int, ${p('couponId')}::bigint, ${p('staffId')}, ${p('createdAt')}::timestamptz)
      on conflict (store_id, receipt_no) do nothing
      returning id
    ), linked as (
      update ${couponVerifications} set purchase_id = claimed.id, discount_fen = ${p('couponDiscountFen')}::int
      from claimed
      where ${couponVerifications.id} = ${p('verificationId')}::bigint
    ), counted as (
      update ${couponTemplates} set used_count = used_count + 1
      from claimed
      where ${couponTemplates.id} = ${p('couponTemplateId')}::bigint
    ), updated as (
      update ${members}
      set points_balance = points_balance + ${p('points')}::int, growth = growth + ${p('growth')}::int,
        tier_code = coalesce(${p('promoteTo')}::text, tier_code)
      where id = ${p('memberId')} and store_id = ${p('storeId')} and status = 'active' and exists (select 1 from claimed)
      returning id, store_id, points_balance, growth, tier_code
    ), entry as (
      insert into ${pointsLedger} (store_id, member_id, reason, delta, request_id, note, expires_at, created_at)
      select store_id, id, 'earn', ${p('points')}::int, ${p('requestId')}, ${p('note')}, ${p('expiresAt')}::timestamptz, ${p('createdAt')}::timestamptz
      from updated
      returning id
    ), audit as (
      insert into ${auditLog} (staff_id, action, member_id, detail, created_at)
      select ${p('staffId')}::int, ${p('auditAction')}, updated.id,
        ${p('auditDetail')}::jsonb || jsonb_build_object('purchaseId', claimed.id), ${p('createdAt')}::timestamptz
      from updated cross join claimed
    ), notice as (
      insert into ${notifications} (store_id, member_id, kind, dedupe_key, title, body, payload, delivery_status, template_id, wechat_data,
        page, last_error, created_at, next_attempt_at)
      select store_id, id, ${n('kind')}::text, ${n('dedupeKey')}, ${n('title')}, ${n('body')}, ${n('payload')}::jsonb, ${n('deliveryStatus')},
        ${n('templateId')}::text, ${n('wechatData')}::jsonb, ${n('page')}::text, ${n('lastError')}::text,
        ${n('createdAt')}::timestamptz, ${n('createdAt')}::timestamptz
      from updated
      where ${n('kind')}::text is not null
      on conflict (store_id, dedupe_key) do nothing
      returning id
    )
    select (select id from claimed) as purchase_id, (select id from entry) as entry_id, (select id from notice) as notification_id,
      updated.points_balance, updated.growth, updated.tier_code
    from (select 1) as one left join updated on true`,
)

/** The notification's columns as the statement's parameters (its store and member are the purchase's); all null: none. */
function notificationParams(notification: NewNotification | null): Record<NotificationParam, unknown> {
  const v = notification ? notificationValues(notification) : null
  return {
    notificationKind: v?.kind ?? null,
    notificationDedupeKey: v?.dedupeKey ?? null,
    notificationTitle: v?.title ?? null,
    notificationBody: v?.body ?? null,
    notificationPayload: v?.payload ?? null,
    notificationDeliveryStatus: v?.deliveryStatus ?? null,
    notificationTemplateId: v?.templateId ?? null,
    notificationWechatData: v?.wechatData ?? null,
    notificationPage: v?.page ?? null,
    notificationLastError: v?.lastError ?? null,
    notificationCreatedAt: v?.createdAt ?? null,
  }
}

export interface RecordedPurchase {
  purchaseId: number
  posted: PostedPoints
  /** The notification's id, or null when none was given or its dedupe key was queued before. */
  notificationId: number | null
}

/**
 * Records the purchase, credits its points (> 0) and growth, applies `promoteTo`, writes the audit entry and
 * queues the notification (if any; its member and store are the purchase's); null when the receipt was already
 * recorded (nothing written). MEMBER_CLOSED when the card is not active (the caller's transaction then rolls
 * back the receipt too).
 */
export async function recordPurchaseWithPoints(tx: Tx, credit: PurchaseCredit): Promise<RecordedPurchase | null> {
  if (!Number.isSafeInteger(credit.points) || credit.points <= 0) throw new Error(`recordPurchaseWithPoints: points must be a positive integer, got ${credit.points}`)
  const { audit, notification, ...rest } = credit
  if (notification && (notification.memberId !== credit.memberId || notification.storeId !== credit.storeId)) {
    throw new Error('recordPurchaseWithPoints: the notification must be for the purchase\'s member and store')
  }
  const [row] = await recordPurchaseStatement(tx, {
    ...rest,
    createdAt: credit.createdAt.toISOString(),
    expiresAt: credit.expiresAt?.toISOString() ?? null,
    auditAction: audit.action,
    auditDetail: JSON.stringify(audit.detail),
    ...notificationParams(notification),
  })
  if (row.purchase_id === null) return null
  if (row.entry_id === null) return explainNothingMoved(tx, credit.memberId, credit.storeId, credit.points)
  return {
    purchaseId: Number(row.purchase_id),
    posted: { entryId: Number(row.entry_id), pointsBalance: Number(row.points_balance), growth: Number(row.growth), tierCode: row.tier_code as TierCode },
    notificationId: row.notification_id === null ? null : Number(row.notification_id),
  }
}

/**
 * Switching expiry on (store-rules.ts): the open lots earned under 'never' get one full period from the switch.
 * The only change to a lot outside the ledger's trigger; it moves no points, so the balances and the ledger are
 * untouched.
 */
export async function dateNeverExpiringLots(tx: Tx, storeId: number, expiresAt: Date): Promise<number> {
  const rows = await executeRows<{ id: number }>(tx.execute(sql`
    update ${pointsLots} set expires_at = ${expiresAt.toISOString()}::timestamptz
    where store_id = ${storeId} and expires_at is null and remaining > 0
    returning id`))
  return rows.length
}

/** The entry an idempotency key wrote (a purchase's `purchase:<receipt>`), or null. */
export async function findEntryIdByRequest(tx: Tx, storeId: number, requestId: string): Promise<number | null> {
  const [row] = await tx
    .select({ id: pointsLedger.id })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.storeId, storeId), eq(pointsLedger.requestId, requestId)))
  return row?.id ?? null
}

/** One page of a member's entries, newest first; `beforeId` is the keyset cursor (the last id seen). */
export async function listLedgerPage(tx: Tx, memberId: number, beforeId: number | null, limit: number): Promise<LedgerRow[]> {
  const where = beforeId === null ? eq(pointsLedger.memberId, memberId) : and(eq(pointsLedger.memberId, memberId), lt(pointsLedger.id, beforeId))
  return tx.select().from(pointsLedger).where(where).orderBy(desc(pointsLedger.id)).limit(limit)
}

export interface PointsCreditToMany {
  storeId: number
  reason: LedgerReason
  /** > 0: the same credit for every member. */
  delta: number
  /** One per member, each with its own idempotency key (unique per store: a replay fails instead of crediting twice). */
  entries: ReadonlyArray<{ memberId: number; requestId: string }>
  note: string | null
  expiresAt: Date | null
  createdAt: Date
}

/**
 * The same credit to many members in ONE statement (the birthday job's chunk): each active member's balance
 * moves and its ledger entry is inserted from the updated row, exactly as postPoints does for one, so the
 * balance stays the sum of the ledger. Closed cards are skipped. Returns the members credited.
 */
export async function postPointsToMany(tx: Tx, credit: PointsCreditToMany): Promise<number[]> {
  const { storeId, reason, delta, entries, note, expiresAt, createdAt } = credit
  if (!Number.isSafeInteger(delta) || delta <= 0) throw new Error(`postPointsToMany: delta must be a positive integer, got ${delta}`)
  if (entries.length === 0) return []
  const input = JSON.stringify(entries.map((e) => ({ member_id: e.memberId, request_id: e.requestId })))
  const rows = await executeRows<{ member_id: number | string }>(
    tx.execute(sql`
      with input as (
        select * from jsonb_to_recordset(${input}::jsonb) as i(member_id bigint, request_id text)
      ), updated as (
        update ${members} m set points_balance = m.points_balance + ${delta}
        from input i
        where m.id = i.member_id and m.store_id = ${storeId} and m.status = 'active'
        returning m.id, m.store_id, i.request_id
      ), entry as (
        insert into ${pointsLedger} (store_id, member_id, reason, delta, request_id, note, expires_at, created_at)
        select store_id, id, ${reason}, ${delta}, request_id, ${note}, ${expiresAt?.toISOString() ?? null}::timestamptz, ${createdAt.toISOString()}::timestamptz
        from updated order by id
        returning member_id
      )
      select member_id from entry`),
  )
  return rows.map((r) => Number(r.member_id))
}
