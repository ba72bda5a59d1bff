import { eq } from 'drizzle-orm'
import { createAppFixture, memberCodeOf, openNewCard, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { pointsCreditedNotification } from '../../../domain/notifications/points-credited'
import { members, notificationTemplates, notifications, subscriptionConsents } from '../../db/schema'
import { DEMO_OPENIDS } from '../index'
import { loadStoreContext } from '../store-context'
import { enqueueNotification } from './enqueue'
import { DEMO_POINTS_TEMPLATE, setNotificationTemplate } from './set-template'

let app: AppFixture
const clerk = DEMO_OPENIDS.clerk
let kicks = 0
beforeAll(async () => {
  app = await createAppFixture()
  app.deps.onNotificationsQueued = () => kicks++
})
afterAll(async () => app?.close())

const record = async (openid: string, receiptNo: string, amountFen: number) =>
  app.ok('staffRecordPurchase', { memberCode: await memberCodeOf(app, openid), receiptNo, amountFen }, clerk)
const rowsOf = async (openid: string) => {
  const [member] = await app.db.select().from(members).where(eq(members.openid, openid))
  return app.db.select().from(notifications).where(eq(notifications.memberId, member.id)).orderBy(notifications.id)
}

describe('「积分到账」 from the till', () => {
  it('is queued with the credit, shown in 消息 at once with the unread count, and kicks delivery after commit', async () => {
    const { openid } = await openNewCard(app, 'wx-notify-first')
    const kicksBefore = kicks
    await record(openid, 'N-1', 12_300)
    expect(kicks).toBe(kicksBefore + 1)
    const list = await app.ok('listMyNotifications', {}, openid)
    expect(list).toEqual({
      notifications: [
        { id: expect.any(String), kind: 'points_credited', title: '积分到账', body: '消费 ¥123.00，获得 123 积分，当前可用 123 积分', createdAt: app.clock.now().toISOString(), read: false },
      ],
      nextCursor: null,
      unreadCount: 1,
    })
    // Queued for WeChat with the demo store's template, formatted now; no phone or openid anywhere in it.
    const [row] = await rowsOf(openid)
    expect(row).toMatchObject({ deliveryStatus: 'pending', templateId: DEMO_POINTS_TEMPLATE.templateId, dedupeKey: 'points_credited:purchase:N-1' })
    expect(row.wechatData).toEqual({
      thing1: { value: '消费积分到账' },
      number2: { value: '123' },
      number3: { value: '123' },
      // 02:00 UTC (the fixture's clock) is 10:00 in the store's zone.
      time4: { value: '2025年6月15日 10:00' },
    })
    const stored = JSON.stringify(row)
    expect(stored).not.toContain(openid)
    expect(stored).not.toMatch(/1\d{10}/)
  })

  it('queues nothing new for a replayed receipt, nor for a refused one', async () => {
    const { openid } = await openNewCard(app, 'wx-notify-replay')
    await record(openid, 'N-2', 5_000)
    const kicksBefore = kicks
    expect(await record(openid, 'N-2', 5_000)).toMatchObject({ alreadyRecorded: true })
    expect(await app.call('staffRecordPurchase', { memberCode: await memberCodeOf(app, openid), receiptNo: 'N-2', amountFen: 9_000 }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_AMOUNT_MISMATCH' },
    })
    expect(await rowsOf(openid)).toHaveLength(1)
    expect(kicks).toBe(kicksBefore)
  })

  it('does not exist when the transaction that queued it rolls back', async () => {
    const { openid } = await openNewCard(app, 'wx-notify-rollback')
    const [member] = await app.db.select().from(members).where(eq(members.openid, openid))
    const draft = pointsCreditedNotification({ receiptNo: 'ROLLBACK-1', points: 10, balance: 10, amountFen: 1_000, at: app.clock.now() })
    await expect(
      app.db.transaction(async (tx) => {
        const ctx = await loadStoreContext(tx, app.config, app.clock.now())
        expect(await enqueueNotification(ctx, member.id, draft)).toBe(true)
        throw new Error('the change failed after queueing')
      }),
    ).rejects.toThrow('the change failed')
    expect(await rowsOf(openid)).toEqual([])
  })

  it('is in-app only when the store has no template for it, and skipped (with the reason) when its data would be refused', async () => {
    const { openid } = await openNewCard(app, 'wx-notify-templates')
    await app.db.transaction(async (tx) => {
      const ctx = await loadStoreContext(tx, app.config, app.clock.now())
      const [member] = await tx.select().from(members).where(eq(members.openid, openid))
      const draft = pointsCreditedNotification({ receiptNo: 'T-1', points: 1, balance: 1, amountFen: 100, at: ctx.now })
      // A payload value WeChat would refuse (emoji in a thing field): caught when queued, not at send time.
      await enqueueNotification(ctx, member.id, { ...draft, payload: { ...draft.payload, title: '到账🎉' } })
    })
    const [skipped] = await rowsOf(openid)
    expect(skipped).toMatchObject({ deliveryStatus: 'skipped', lastError: 'format: thing1: emoji or control characters' })
    // Without a template for the kind: in the 消息 list only, nothing for the delivery job.
    await app.db.delete(notificationTemplates)
    try {
      const kicksBefore = kicks
      await record(openid, 'T-2', 2_000)
      expect(kicks).toBe(kicksBefore)
      const [, inAppOnly] = await rowsOf(openid)
      expect(inAppOnly).toMatchObject({ deliveryStatus: 'none', templateId: null, wechatData: null })
    } finally {
      await setNotificationTemplate(app.db, DEMO_POINTS_TEMPLATE)
    }
    expect((await app.ok('listMyNotifications', {}, openid)).unreadCount).toBe(2)
  })
})

describe('the 消息 list', () => {
  it('pages newest first and marks read idempotently, only the caller\'s own', async () => {
    const { openid } = await openNewCard(app, 'wx-notify-paging')
    const other = await openNewCard(app, 'wx-notify-other')
    for (let i = 1; i <= 5; i++) {
      app.clock.advanceS(60)
      await record(openid, `PAGE-${i}`, i * 1_000)
    }
    await record(other.openid, 'OTHER-1', 1_000)
    const first = await app.ok('listMyNotifications', { limit: 2 }, openid)
    expect(first.notifications.map((n: { body: string }) => n.body.match(/获得 (\d+)/)?.[1])).toEqual(['50', '40'])
    const second = await app.ok('listMyNotifications', { limit: 2, cursor: first.nextCursor }, openid)
    expect(second.notifications.map((n: { body: string }) => n.body.match(/获得 (\d+)/)?.[1])).toEqual(['30', '20'])
    expect(second.unreadCount).toBe(5)

    const otherIds = (await app.ok('listMyNotifications', {}, other.openid)).notifications.map((n: { id: string }) => n.id)
    expect(await app.ok('markNotificationsRead', { ids: [first.notifications[0].id, ...otherIds] }, openid)).toEqual({ unreadCount: 4 })
    expect(await app.ok('markNotificationsRead', { ids: [first.notifications[0].id] }, openid)).toEqual({ unreadCount: 4 })
    expect((await app.ok('getNotificationSettings', {}, other.openid)).unreadCount).toBe(1)
    expect(await app.ok('markNotificationsRead', {}, openid)).toEqual({ unreadCount: 0 })
    expect((await app.ok('listMyNotifications', { limit: 1 }, openid)).notifications[0].read).toBe(true)
  })

  it('refuses bad input with BAD_INPUT and writes nothing', async () => {
    const before = await app.counts()
    for (const [name, input] of [
      ['listMyNotifications', { limit: 0 }],
      ['markNotificationsRead', { ids: ['abc'] }],
      ['markNotificationsRead', { ids: [] }],
      ['recordSubscriptionConsent', { requestId: 'r', results: [] }],
      ['recordSubscriptionConsent', { requestId: 'r', results: [{ kind: 'points_credited', result: 'yes' }] }],
      ['recordSubscriptionConsent', { requestId: 'r', results: Array(4).fill({ kind: 'points_credited', result: 'accept' }) }],
      ['recordSubscriptionConsent', { requestId: 'r', results: [{ kind: 'points_credited', result: 'accept', templateId: 'x' }] }],
    ] as const) {
      expect(await app.call(name, input, DEMO_OPENIDS.member)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    }
    expect(await app.counts()).toEqual(before)
  })
})

describe('subscription consent', () => {
  const consentOf = async (openid: string) => {
    const [member] = await app.db.select().from(members).where(eq(members.openid, openid))
    const rows = await app.db.select().from(subscriptionConsents).where(eq(subscriptionConsents.memberId, member.id))
    return rows.map((r) => [r.templateId, r.count])
  }

  it('counts +1 per accept (once per request id), 0 after reject or ban, and names the store\'s template ids', async () => {
    const { openid } = await openNewCard(app, 'wx-consent')
    const settings = await app.ok('getNotificationSettings', {}, openid)
    expect(settings).toEqual({
      unreadCount: 0,
      templates: [{ kind: 'points_credited', templateId: DEMO_POINTS_TEMPLATE.templateId, label: '积分到账通知', remaining: 0 }],
    })
    const accept = (requestId: string) => app.ok('recordSubscriptionConsent', { requestId, results: [{ kind: 'points_credited', result: 'accept' }] }, openid)
    await accept('tap-1')
    await accept('tap-1') // the same tap retried after a timeout
    expect((await accept('tap-2')).templates[0].remaining).toBe(2)
    expect(await consentOf(openid)).toEqual([[DEMO_POINTS_TEMPLATE.templateId, 2]])
    await app.ok('recordSubscriptionConsent', { requestId: 'tap-3', results: [{ kind: 'points_credited', result: 'filter' }] }, openid)
    expect(await consentOf(openid)).toEqual([[DEMO_POINTS_TEMPLATE.templateId, 2]])
    await app.ok('recordSubscriptionConsent', { requestId: 'tap-4', results: [{ kind: 'points_credited', result: 'reject' }] }, openid)
    expect(await consentOf(openid)).toEqual([[DEMO_POINTS_TEMPLATE.templateId, 0]])
    await accept('tap-5')
    await app.ok('recordSubscriptionConsent', { requestId: 'tap-6', results: [{ kind: 'points_credited', result: 'ban' }] }, openid)
    expect(await consentOf(openid)).toEqual([[DEMO_POINTS_TEMPLATE.templateId, 0]])
  })

  it('follows the store\'s configuration: a new template id starts with no consent', async () => {
    const { openid } = await openNewCard(app, 'wx-consent-template-change')
    await app.ok('recordSubscriptionConsent', { requestId: 'a', results: [{ kind: 'points_credited', result: 'accept' }] }, openid)
    await setNotificationTemplate(app.db, { ...DEMO_POINTS_TEMPLATE, templateId: 'NEW-template' })
    try {
      expect((await app.ok('getNotificationSettings', {}, openid)).templates).toEqual([
        { kind: 'points_credited', templateId: 'NEW-template', label: '积分到账通知', remaining: 0 },
      ])
    } finally {
      await setNotificationTemplate(app.db, DEMO_POINTS_TEMPLATE)
    }
  })

  it('refuses a template configuration that cannot format the kind\'s data', async () => {
    await expect(setNotificationTemplate(app.db, { ...DEMO_POINTS_TEMPLATE, fields: { thing1: 'nickname' } })).rejects.toThrow('thing1: empty (nickname)')
    await expect(setNotificationTemplate(app.db, { ...DEMO_POINTS_TEMPLATE, fields: { foo1: 'points' } })).rejects.toThrow('unknown template key type')
  })
})
