import { and, eq, sql } from 'drizzle-orm'
import { createAppFixture, memberCodeOf, openNewCard, type AppFixture } from '../../../tests/helpers/app-fixture'
import { pointsCreditedNotification } from '../../domain/notifications/points-credited'
import { DEMO_OPENIDS, RecordingSink } from '../app'
import { enqueueNotification } from '../app/notifications/enqueue'
import { DEMO_POINTS_TEMPLATE } from '../app/notifications/set-template'
import { loadStoreContext } from '../app/store-context'
import { changeConsent } from '../db/repositories/subscription-consents'
import { jobRuns, members, notifications, subscriptionConsents } from '../db/schema'
import { DELIVERY_CHUNK, deliverNotificationsJob, SENDING_STALE_S } from './deliver-notifications'
import { JOBS_WECHAT_APIS } from './registry'
import { runJob } from './run-job'

let app: AppFixture
let sink: RecordingSink
beforeAll(async () => {
  app = await createAppFixture()
})
beforeEach(() => {
  sink = new RecordingSink()
  app.deps.subscribeMessages = sink
})
afterAll(async () => app?.close())

const TEMPLATE = DEMO_POINTS_TEMPLATE.templateId
const deliver = () => runJob(app.deps, deliverNotificationsJob, app.clock.now())
const memberOf = async (openid: string) => (await app.db.select().from(members).where(eq(members.openid, openid)))[0]
const accept = (openid: string, requestId: string) =>
  app.ok('recordSubscriptionConsent', { requestId, results: [{ kind: 'points_credited', result: 'accept' }] }, openid)
const purchase = async (openid: string, receiptNo: string) =>
  app.ok('staffRecordPurchase', { memberCode: await memberCodeOf(app, openid), receiptNo, amountFen: 2_000 }, DEMO_OPENIDS.clerk)
const consent = async (openid: string) => {
  const member = await memberOf(openid)
  const [row] = await app.db
    .select()
    .from(subscriptionConsents)
    .where(and(eq(subscriptionConsents.memberId, member.id), eq(subscriptionConsents.templateId, TEMPLATE)))
  return row?.count ?? 0
}
const rowsOf = async (openid: string) => {
  const member = await memberOf(openid)
  return app.db.select().from(notifications).where(eq(notifications.memberId, member.id)).orderBy(notifications.id)
}

describe('delivering 「积分到账」 as a WeChat subscription message', () => {
  it('declares subscribeMessage.send for the jobs function', () => {
    expect(JOBS_WECHAT_APIS).toEqual(['subscribeMessage.send'])
  })

  it('sends once per unused consent, spending it; without consent it skips and never calls WeChat', async () => {
    const { openid } = await openNewCard(app, 'wx-deliver-basic')
    await accept(openid, 'tap-1')
    await purchase(openid, 'D-1')
    const run = await deliver()
    expect(run).toMatchObject({ status: 'done', counts: { processed: 1, sent: 1 } })
    expect(sink.sent).toEqual([
      {
        touser: openid,
        templateId: TEMPLATE,
        page: DEMO_POINTS_TEMPLATE.page,
        data: { thing1: { value: '消费积分到账' }, number2: { value: '20' }, number3: { value: '20' }, time4: { value: '2025年6月15日 10:00' } },
      },
    ])
    expect(await consent(openid)).toBe(0)
    expect((await rowsOf(openid))[0]).toMatchObject({ deliveryStatus: 'sent', attempts: 1, sentAt: app.clock.now() })

    await purchase(openid, 'D-2')
    expect(await deliver()).toMatchObject({ status: 'done', counts: { processed: 1, skippedNoConsent: 1 } })
    expect(sink.sent).toHaveLength(1)
    expect((await rowsOf(openid))[1]).toMatchObject({ deliveryStatus: 'skipped', lastError: 'no unused consent', attempts: 0 })
    // A later run does not look at either again.
    expect(await deliver()).toMatchObject({ status: 'done', counts: { processed: 0 } })

    // Both stay in the 消息 list whatever happened on WeChat.
    expect((await app.ok('listMyNotifications', {}, openid)).notifications).toHaveLength(2)
    const [run1] = await app.db.select().from(jobRuns).where(eq(jobRuns.id, run.runId!))
    expect(run1).toMatchObject({ jobName: 'deliverNotifications', status: 'done', counts: { processed: 1, sent: 1 }, error: null })
  })

  it('sets the consent to 0 when WeChat answers 43101, and skips the message', async () => {
    const { openid } = await openNewCard(app, 'wx-deliver-43101')
    await accept(openid, 'a')
    await accept(openid, 'b')
    await purchase(openid, 'E-1')
    sink.answerNext({ ok: false, errCode: 43101, errMsg: 'user refuse to accept the msg' })
    expect(await deliver()).toMatchObject({ counts: { skippedNoConsent: 1 } })
    expect(await consent(openid)).toBe(0)
    expect((await rowsOf(openid))[0]).toMatchObject({ deliveryStatus: 'skipped', lastError: expect.stringContaining('43101') })
  })

  it('retries with backoff when WeChat is busy, giving the consent back, and gives up after 5 attempts', async () => {
    const { openid } = await openNewCard(app, 'wx-deliver-busy')
    await accept(openid, 'a')
    await purchase(openid, 'B-1')
    sink.answerNext({ ok: false, errCode: -1, errMsg: 'system error' })
    expect(await deliver()).toMatchObject({ counts: { retry: 1 } })
    expect(await consent(openid)).toBe(1)
    const [row] = await rowsOf(openid)
    expect(row).toMatchObject({ deliveryStatus: 'retry', attempts: 1 })
    expect(row.nextAttemptAt.getTime() - app.clock.now().getTime()).toBe(60_000)
    // Not due yet: nothing is sent.
    app.clock.advanceS(59)
    expect(await deliver()).toMatchObject({ counts: { processed: 0 } })
    app.clock.advanceS(1)
    expect(await deliver()).toMatchObject({ counts: { sent: 1 } })
    expect(sink.sent).toHaveLength(1)
    expect(await consent(openid)).toBe(0)

    await accept(openid, 'c')
    await purchase(openid, 'B-2')
    for (let attempt = 1; attempt <= 5; attempt++) {
      sink.answerNext({ ok: false, errCode: 45009, errMsg: 'reach max api daily quota limit' })
      expect(await deliver()).toMatchObject({ counts: attempt < 5 ? { retry: 1 } : { failed: 1 } })
      app.clock.advanceS(60 * 60)
    }
    const [, gaveUp] = await rowsOf(openid)
    expect(gaveUp).toMatchObject({ deliveryStatus: 'failed', attempts: 5, lastError: expect.stringContaining('gave up after 5 attempts') })
    expect(await consent(openid)).toBe(1)
    expect(await deliver()).toMatchObject({ counts: { processed: 0 } })
    expect(sink.sent).toHaveLength(1)
  })

  it('never resends when the outcome is unknown: no answer, or a crash between claim and outcome', async () => {
    const { openid } = await openNewCard(app, 'wx-deliver-unknown')
    await accept(openid, 'a')
    await accept(openid, 'b')
    await purchase(openid, 'U-1')
    sink.answerNext(() => {
      throw new Error('ETIMEDOUT')
    })
    expect(await deliver()).toMatchObject({ counts: { failed: 1 } })
    expect((await rowsOf(openid))[0]).toMatchObject({ deliveryStatus: 'failed', lastError: expect.stringContaining('outcome unknown') })
    expect(await consent(openid)).toBe(1)

    // A run that died after committing 'sending' (as the claim does before calling WeChat).
    await purchase(openid, 'U-2')
    const [, second] = await rowsOf(openid)
    await app.db.update(notifications).set({ deliveryStatus: 'sending', sendingAt: app.clock.now(), attempts: 1 }).where(eq(notifications.id, second.id))
    app.clock.advanceS(SENDING_STALE_S - 1)
    expect(await deliver()).toMatchObject({ counts: { processed: 0 } })
    expect((await rowsOf(openid))[1].deliveryStatus).toBe('sending')
    app.clock.advanceS(2)
    expect(await deliver()).toMatchObject({ counts: { unknownOutcome: 1, processed: 0 } })
    expect((await rowsOf(openid))[1]).toMatchObject({ deliveryStatus: 'failed', lastError: expect.stringContaining('outcome unknown') })
    expect(sink.sent).toEqual([])
  })

  it('skips a closed card without spending its consent', async () => {
    const { openid } = await openNewCard(app, 'wx-deliver-closed')
    await accept(openid, 'a')
    await purchase(openid, 'C-1')
    await app.db.update(members).set({ status: 'closed', closedAt: app.clock.now() }).where(eq(members.openid, openid))
    expect(await deliver()).toMatchObject({ counts: { skippedClosed: 1 } })
    expect(await consent(openid)).toBe(1)
    expect(sink.sent).toEqual([])
  })

  it('works in chunks: stopped after the first, the next run resumes and every message goes out exactly once', async () => {
    const { openid } = await openNewCard(app, 'wx-deliver-many')
    const member = await memberOf(openid)
    const total = DELIVERY_CHUNK * 2 + 20
    await app.db.transaction(async (tx) => {
      const ctx = await loadStoreContext(tx, app.config, app.clock.now())
      await changeConsent(tx, { storeId: ctx.store.id, memberId: member.id, templateId: TEMPLATE, now: ctx.now, add: total })
      for (let i = 0; i < total; i++) {
        await enqueueNotification(ctx, member.id, pointsCreditedNotification({ receiptNo: `MANY-${i}`, points: i + 1, balance: 1_000, amountFen: 100 * (i + 1), at: ctx.now }))
      }
    })
    const controller = new AbortController()
    const first = await runJob(app.deps, deliverNotificationsJob, app.clock.now(), { signal: controller.signal, onProgress: () => controller.abort() })
    expect(first).toMatchObject({ status: 'interrupted', counts: { processed: DELIVERY_CHUNK, sent: DELIVERY_CHUNK } })
    const second = await deliver()
    expect(second).toMatchObject({ status: 'done', resumedFrom: first.runId, counts: { processed: total - DELIVERY_CHUNK, sent: total - DELIVERY_CHUNK } })
    const numbers = sink.sent.map((m) => Number(m.data.number2.value)).sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: total }, (_, i) => i + 1))
    expect(await consent(openid)).toBe(0)
    const [{ n }] = await app.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.memberId, member.id), eq(notifications.deliveryStatus, 'sent')))
    expect(n).toBe(total)
  })
})
