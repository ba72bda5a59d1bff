import { and, eq, inArray, sql } from 'drizzle-orm'
import { consentKey } from '../../../domain/notifications/consent-allocation'
import { executeRows, type Tx } from '../db'
import { consentRequests, subscriptionConsents } from '../schema'

/** Claims a consent request id for this member; false when it was recorded before (a retried call). */
export async function claimConsentRequest(tx: Tx, memberId: number, requestId: string, now: Date): Promise<boolean> {
  const rows = await tx.insert(consentRequests).values({ memberId, requestId, createdAt: now }).onConflictDoNothing().returning({ id: consentRequests.id })
  return rows.length > 0
}

/** +n unused consents (accepts), or set to 0 (a refusal): one statement per template, no read first. */
export async function changeConsent(
  tx: Tx,
  change: { storeId: number; memberId: number; templateId: string; now: Date } & ({ add: number } | { reset: true }),
): Promise<void> {
  const initial = 'add' in change ? change.add : 0
  await tx
    .insert(subscriptionConsents)
    .values({ storeId: change.storeId, memberId: change.memberId, templateId: change.templateId, count: initial, updatedAt: change.now })
    .onConflictDoUpdate({
      target: [subscriptionConsents.memberId, subscriptionConsents.templateId],
      set: { count: 'add' in change ? sql`${subscriptionConsents.count} + ${change.add}` : sql`0`, updatedAt: change.now },
    })
}

export async function consentCountsOf(tx: Tx, memberId: number, templateIds: readonly string[]): Promise<Map<string, number>> {
  if (templateIds.length === 0) return new Map()
  const rows = await tx
    .select({ templateId: subscriptionConsents.templateId, count: subscriptionConsents.count })
    .from(subscriptionConsents)
    .where(and(eq(subscriptionConsents.memberId, memberId), inArray(subscriptionConsents.templateId, [...templateIds])))
  return new Map(rows.map((r) => [r.templateId, r.count]))
}

export interface MemberTemplate {
  memberId: number
  templateId: string
}

/**
 * Locks the consent rows of these (member, template) pairs, in id order so that two delivery runs never wait on
 * each other in a cycle, and returns their counts keyed by consentKey. Held until the claim commits.
 */
export async function lockConsents(tx: Tx, pairs: readonly MemberTemplate[]): Promise<Map<string, number>> {
  if (pairs.length === 0) return new Map()
  const rows = await executeRows<{ member_id: number | string; template_id: string; count: number }>(
    tx.execute(sql`
      select member_id, template_id, count from subscription_consents
      where (member_id, template_id) in (${sql.join(pairs.map((p) => sql`(${p.memberId}::bigint, ${p.templateId}::text)`), sql`, `)})
      order by id
      for update`),
  )
  return new Map(rows.map((r) => [consentKey(Number(r.member_id), r.template_id), r.count]))
}

/**
 * Spends (delta < 0) or gives back (delta > 0) consents, one statement for the whole chunk. Spending is guarded
 * (`count + delta >= 0`): if any row would go below zero the statement changes fewer rows than asked, and the
 * caller's transaction must roll back.
 */
export async function adjustConsents(tx: Tx, deltas: ReadonlyMap<string, number>, now: Date): Promise<number> {
  const entries = [...deltas].filter(([, d]) => d !== 0)
  if (entries.length === 0) return 0
  const values = entries.map(([key, delta]) => {
    const [memberId, ...rest] = key.split(':')
    return sql`(${Number(memberId)}::bigint, ${rest.join(':')}::text, ${delta}::int)`
  })
  const rows = await executeRows<{ id: number }>(
    tx.execute(sql`
      update subscription_consents c set count = c.count + v.delta, updated_at = ${now.toISOString()}::timestamptz
      from (values ${sql.join(values, sql`, `)}) as v(member_id, template_id, delta)
      where c.member_id = v.member_id and c.template_id = v.template_id and c.count + v.delta >= 0
      returning c.id`),
  )
  return rows.length
}

/** WeChat said 43101 (no unused consent): our count was wrong, so it becomes 0. */
export async function zeroConsents(tx: Tx, pairs: readonly MemberTemplate[], now: Date): Promise<void> {
  if (pairs.length === 0) return
  await tx.execute(sql`
    update subscription_consents set count = 0, updated_at = ${now.toISOString()}::timestamptz
    where (member_id, template_id) in (${sql.join(pairs.map((p) => sql`(${p.memberId}::bigint, ${p.templateId}::text)`), sql`, `)})`)
}
