import { consentKey, allocateConsents } from '../../domain/notifications/consent-allocation'
import { MAX_SEND_ATTEMPTS, NO_CONSENT_WECHAT_ERROR, TRANSIENT_WECHAT_ERRORS, nextAttemptAt } from '../../domain/notifications/backoff'
import type { AppDeps } from '../app/deps'
import type { SendOutcome } from '../app/wechat-apis'
import {
  claimDueNotifications,
  failStaleSending,
  markSending,
  recordOutcomes,
  type DeliveryOutcome,
  type ToSend,
} from '../db/repositories/notifications'
import { adjustConsents, lockConsents, zeroConsents, type MemberTemplate } from '../db/repositories/subscription-consents'
import type { ChunkInput, ChunkResult, JobDefinition } from './job'

export const DELIVERY_CHUNK = 50
/** A row still 'sending' this long after its claim was cut off mid-send: its outcome is unknown. */
export const SENDING_STALE_S = 10 * 60

/**
 * Sends queued notifications as WeChat subscription messages, at most once each:
 *  1. claim (one transaction): stale 'sending' rows become failed (outcome unknown, never resent); up to
 *     DELIVERY_CHUNK due rows are locked with SKIP LOCKED (concurrent runs take disjoint rows); each spends one
 *     of its member's unused consents for the template (guarded: count > 0) or is skipped without calling WeChat;
 *     the rows to send are marked 'sending' and committed BEFORE any call;
 *  2. send, outside any transaction (a network call must not hold a connection);
 *  3. record outcomes (one transaction): sent; WeChat busy or out of quota → retry with backoff and the consent
 *     given back, failed after MAX_SEND_ATTEMPTS; 43101 → the member has no consent after all: count set to 0,
 *     skipped; no answer at all → failed, outcome unknown; anything else → failed with WeChat's code.
 */
export async function deliverChunk(deps: AppDeps, input: ChunkInput, limit = DELIVERY_CHUNK): Promise<ChunkResult> {
  const sender = deps.subscribeMessages
  if (!sender) throw new Error('deliverNotifications needs deps.subscribeMessages (WeChat, or a recording sink locally)')
  const now = input.asOf
  const counts: Record<string, number> = {}
  const add = (key: string, n = 1) => n && (counts[key] = (counts[key] ?? 0) + n)

  const { toSend, claimedCount, lastId } = await deps.db.transaction(async (tx) => {
    add('unknownOutcome', await failStaleSending(tx, input.store.id, new Date(now.getTime() - SENDING_STALE_S * 1000)))
    const claimed = await claimDueNotifications(tx, input.store.id, now, limit)
    const closed = claimed.filter((c) => !c.memberActive)
    const open = claimed.filter((c) => c.memberActive)
    const available = await lockConsents(tx, uniquePairs(open))
    const allocation = allocateConsents(open, available)
    const spend = new Map([...allocation.spent].map(([key, n]) => [key, -n]))
    // The rows are locked, so this cannot fall short; if it ever did, roll the claim back rather than overspend.
    if ((await adjustConsents(tx, spend, now)) !== spend.size) throw new Error('deliverNotifications: consent count changed under lock')
    const skipped: DeliveryOutcome[] = [
      ...allocation.noConsent.map((id) => ({ id, status: 'skipped' as const, error: 'no unused consent' })),
      ...closed.map((c) => ({ id: c.id, status: 'skipped' as const, error: 'card closed' })),
    ]
    await recordOutcomes(tx, skipped, now)
    add('skippedNoConsent', allocation.noConsent.length)
    add('skippedClosed', closed.length)
    return { toSend: await markSending(tx, allocation.send, now), claimedCount: claimed.length, lastId: claimed.at(-1)?.id ?? null }
  })

  const answers: Array<{ row: ToSend; outcome: SendOutcome }> = []
  for (const row of toSend) {
    const outcome = await sender
      .sendSubscribeMessage({ touser: row.openid, templateId: row.templateId, page: row.page ?? undefined, data: row.data })
      .catch((error: unknown): SendOutcome => ({ ok: false, errCode: null, errMsg: String(error) }))
    answers.push({ row, outcome })
  }

  await deps.db.transaction(async (tx) => {
    const outcomes: DeliveryOutcome[] = []
    const giveBack = new Map<string, number>()
    const noConsent: MemberTemplate[] = []
    for (const { row, outcome } of answers) {
      if (outcome.ok) {
        outcomes.push({ id: row.id, status: 'sent', error: null })
        add('sent')
        continue
      }
      const { errCode, errMsg } = outcome
      const detail = `wechat ${errCode ?? 'no answer'}: ${errMsg}`.slice(0, 300)
      if (errCode !== null && TRANSIENT_WECHAT_ERRORS.includes(errCode)) {
        // WeChat says it did not send: the consent is still unused.
        const key = consentKey(row.memberId, row.templateId)
        giveBack.set(key, (giveBack.get(key) ?? 0) + 1)
        const retryAt = nextAttemptAt(row.attempts, now)
        outcomes.push(
          retryAt
            ? { id: row.id, status: 'retry', error: detail, nextAttemptAt: retryAt }
            : { id: row.id, status: 'failed', error: `gave up after ${MAX_SEND_ATTEMPTS} attempts; ${detail}` },
        )
        add(retryAt ? 'retry' : 'failed')
      } else if (errCode === NO_CONSENT_WECHAT_ERROR) {
        noConsent.push({ memberId: row.memberId, templateId: row.templateId })
        outcomes.push({ id: row.id, status: 'skipped', error: detail })
        add('skippedNoConsent')
      } else {
        outcomes.push({ id: row.id, status: 'failed', error: errCode === null ? `outcome unknown; ${detail}` : detail })
        add('failed')
      }
    }
    await recordOutcomes(tx, outcomes, now)
    await adjustConsents(tx, giveBack, now)
    await zeroConsents(tx, noConsent, now)
  })

  counts.processed = (counts.processed ?? 0) + claimedCount
  return { cursor: lastId === null ? input.cursor : String(lastId), done: claimedCount < limit, counts }
}

function uniquePairs(rows: readonly MemberTemplate[]): MemberTemplate[] {
  const seen = new Map<string, MemberTemplate>()
  for (const r of rows) seen.set(consentKey(r.memberId, r.templateId), { memberId: r.memberId, templateId: r.templateId })
  return [...seen.values()]
}

export const deliverNotificationsJob: JobDefinition = {
  name: 'deliverNotifications',
  description: '把已提交的通知作为微信订阅消息发出（每条至多一次）',
  schedule: '* * * * *',
  wechatApis: ['subscribeMessage.send'],
  leaseS: 5 * 60,
  chunk: (deps, input) => deliverChunk(deps, input),
}
