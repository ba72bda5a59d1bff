import { and, count, eq, like, sql } from 'drizzle-orm'
import { createAppFixture, expectBalancesMatchLedger, openNewCard, type AppFixture } from '../../../../tests/helpers/app-fixture'
import { eventCounts, eventRow, insertEvent, insertRegistration, registrationsOf } from '../../../../tests/helpers/event-fixtures'
import { eventPublishingChunk } from '../../jobs/event-publishing'
import { eventRemindersChunk } from '../../jobs/event-reminders'
import type { StoreRow } from '../../db/repositories/stores'
import { findMemberByOpenid } from '../../db/repositories/members'
import { auditLog, eventFeedback, events, members, notifications, notificationTemplates, pointsLedger, purchaseRefunds, purchases, staff, stores, subscriptionConsents } from '../../db/schema'
import { signUp } from '../events/registration-moves'
import { DEMO_OPENIDS } from '../index'
import { upsertNotificationTemplate } from '../../db/repositories/notification-templates'
import { loadStoreContext } from '../store-context'
import { queuePublishNotice } from './event-notices'

let app: AppFixture
let store: StoreRow
const manager = DEMO_OPENIDS.manager
const clerk = DEMO_OPENIDS.clerk
let seq = 0
const rid = (label = 'r') => `${label}-${++seq}-${Math.random().toString(36).slice(2, 8)}`
/** A wall-clock time in the store's zone (Asia/Shanghai, UTC+8) as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`)
const TEMPLATE_ID = 'TEST-event-published'

const base = { title: '周六咖啡品鉴会', startsAt: '2025-06-21 14:00', endsAt: '2025-06-21 16:00', place: '本店二楼', capacity: 20, minTierCode: null, earlyTierCode: null }

beforeAll(async () => {
  app = await createAppFixture()
  ;[store] = await app.db.select().from(stores)
  // The new-event template (replacing any the demo seed set), so publishing has a WeChat copy to decide.
  await app.db.transaction((tx) =>
    upsertNotificationTemplate(tx, { storeId: store.id, kind: 'event_published', templateId: TEMPLATE_ID, fields: { thing1: 'event', time2: 'time', thing3: 'place', thing4: 'note' }, page: null, now: new Date() }),
  )
})
afterAll(async () => app?.close())
beforeEach(() => app.clock.set(sh('2025-06-15T10:00:00')))

async function createDraft(overrides: Record<string, unknown> = {}) {
  return (await app.ok('createEvent', { requestId: rid('ev'), event: { ...base, ...overrides } }, manager)).event
}
async function notificationsOf(filter: ReturnType<typeof like>) {
  return app.db.select().from(notifications).where(filter).orderBy(notifications.memberId)
}
const activeMembers = async (tiers?: string[]) =>
  (await app.db.select({ n: count() }).from(members).where(and(eq(members.status, 'active'), tiers ? sql`${members.tierCode} in ${tiers}` : undefined)))[0].n
const memberId = async (openid: string) => (await app.db.select({ id: members.id }).from(members).where(eq(members.openid, openid)))[0].id
const giveConsent = (memberIdValue: number, n = 1) => app.db.insert(subscriptionConsents).values({ storeId: store.id, memberId: memberIdValue, templateId: TEMPLATE_ID, count: n })
const jobInput = () => ({ asOf: app.clock.now(), cursor: null, store })

/** Signs members up through the core's own move, as the member's call would. */
async function signUpAs(eventId: number, openid: string) {
  return app.db.transaction(async (tx) => {
    const ctx = await loadStoreContext(tx, app.config, app.clock.now())
    const member = await findMemberByOpenid(tx, store.id, openid)
    const [event] = await tx.select().from(events).where(eq(events.id, eventId))
    return (await signUp(ctx, member!, event, `${member!.id}:${rid('su')}`)).registration
  })
}

describe('who may use the events console', () => {
  it('refuses a clerk and a member every console operation, writing nothing', async () => {
    const draft = await createDraft()
    const calls: Array<[string, unknown]> = [
      ['listEventsAdmin', { tab: 'active' }],
      ['getEventAdmin', { eventId: draft.id }],
      ['createEvent', { requestId: rid(), event: base }],
      ['updateEvent', { eventId: draft.id, event: base }],
      ['previewEventNotice', { eventId: draft.id }],
      ['publishEvent', { eventId: draft.id, notify: true }],
      ['cancelEvent', { eventId: draft.id, reason: '测试' }],
      ['getEventResults', { eventId: draft.id }],
      ['exportEventRoster', { eventId: draft.id }],
    ]
    const before = { ...(await app.counts()), ...(await eventCounts(app.db)) }
    for (const who of [clerk, DEMO_OPENIDS.member]) {
      for (const [name, input] of calls) expect(await app.call(name, input, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect({ ...(await app.counts()), ...(await eventCounts(app.db)) }).toEqual(before)
    expect((await eventRow(app.db, Number(draft.id))).status).toBe('draft')
  })
})

describe('creating and editing', () => {
  it('stores store-time fields as instants, shows them back as entered, audits, and makes one draft for a retried save', async () => {
    const requestId = rid('same')
    const input = { ...base, signupFrom: '2025-06-16 09:00', signupUntil: '2025-06-21 12:00', pointsCost: 50, cancelCutoffHours: 6 }
    const first = await app.ok('createEvent', { requestId, event: input }, manager)
    expect(first.event).toMatchObject({ status: 'draft', phase: 'upcoming', registeredCount: 0, startsAt: '2025-06-21T06:00:00.000Z', pointsCost: 50 })
    expect(first.event.form).toMatchObject({ startsAt: '2025-06-21 14:00', endsAt: '2025-06-21 16:00', signupFrom: '2025-06-16 09:00', signupUntil: '2025-06-21 12:00', cancelCutoffHours: 6, earlySignupFrom: null })
    const again = await app.ok('createEvent', { requestId, event: input }, manager)
    expect(again.event.id).toBe(first.event.id)
    expect(await app.db.select().from(auditLog).where(and(eq(auditLog.action, 'event.create'), sql`${auditLog.detail}->>'eventId' = ${first.event.id}`))).toHaveLength(1)
    const drafts = await app.ok('listEventsAdmin', { tab: 'draft' }, manager)
    expect(drafts.events.map((e: { id: string }) => e.id)).toContain(first.event.id)
  })

  it('refuses every bad field and writes nothing', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ endsAt: '2025-06-21 13:00' }, 'event.endsAt'],
      [{ startsAt: '2025-06-14 14:00', endsAt: '2025-06-14 16:00' }, 'event.startsAt'],
      [{ capacity: 0 }, 'event.capacity'],
      [{ title: '' }, 'event.title'],
      [{ signupUntil: '2025-06-21 15:00' }, 'event.signupUntil'],
      [{ earlyTierCode: 'gold' }, 'event.earlySignupFrom'],
      [{ pointsCost: -1 }, 'event.pointsCost'],
      [{ startsAt: '2025-06-21 25:00' }, 'event.startsAt'],
      [{ startsAt: 'tomorrow' }, 'event.startsAt'],
    ]
    const before = await app.db.select({ n: count() }).from(events)
    const audits = await app.counts()
    for (const [overrides, field] of bad) {
      const result = await app.call('createEvent', { requestId: rid(), event: { ...base, ...overrides } }, manager)
      expect(result).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(BAD_INPUT|EVENT_INVALID)$/), fields: expect.objectContaining({ [field]: expect.any(String) }) } })
    }
    expect(await app.db.select({ n: count() }).from(events)).toEqual(before)
    expect(await app.counts()).toEqual(audits)
  })

  it('refuses a capacity below the seats taken (the guard, never INTERNAL) and edits of a cancelled event', async () => {
    const event = await insertEvent(app.db, app.clock.now(), { capacity: 5, seatsTaken: 3 })
    const before = await eventRow(app.db, event.id)
    expect(await app.call('updateEvent', { eventId: String(event.id), event: { ...base, capacity: 2 } }, manager)).toMatchObject({
      ok: false,
      error: { code: 'EVENT_CAPACITY_BELOW_REGISTERED', fields: { 'event.capacity': expect.any(String) } },
    })
    expect(await eventRow(app.db, event.id)).toEqual(before)
    const cancelled = await insertEvent(app.db, app.clock.now(), { status: 'cancelled', cancelledAt: app.clock.now() })
    expect(await app.call('updateEvent', { eventId: String(cancelled.id), event: base }, manager)).toMatchObject({ ok: false, error: { code: 'EVENT_NOT_EDITABLE' } })
    const ended = await insertEvent(app.db, app.clock.now(), { startsAt: sh('2025-06-14T10:00:00') })
    expect(await app.call('updateEvent', { eventId: String(ended.id), event: base }, manager)).toMatchObject({ ok: false, error: { code: 'EVENT_NOT_EDITABLE' } })
  })

  it('tells only the live registrations of a time change after publishing, once per change, and raising capacity promotes', async () => {
    const draft = await createDraft({ capacity: 2 })
    const id = Number(draft.id)
    await app.ok('publishEvent', { eventId: draft.id, notify: false }, manager)
    const a = await openNewCard(app, 'wx-ev-change-a')
    const b = await openNewCard(app, 'wx-ev-change-b')
    const c = await openNewCard(app, 'wx-ev-change-c')
    const d = await openNewCard(app, 'wx-ev-change-d')
    await signUpAs(id, a.openid)
    const cancelledReg = await signUpAs(id, b.openid)
    await app.db.update(events).set({ seatsTaken: 1 }).where(eq(events.id, id))
    await app.db.execute(sql`update event_registrations set status = 'cancelled', cancelled_at = now(), cancel_reason = 'member' where id = ${cancelledReg.id}`)
    await signUpAs(id, c.openid) // seated (one seat left)
    await signUpAs(id, d.openid) // waitlisted
    const out = await app.ok('updateEvent', { eventId: draft.id, event: { ...base, capacity: 2, startsAt: '2025-06-21 15:00', endsAt: '2025-06-21 17:00' } }, manager)
    expect(out).toMatchObject({ membersTold: 3, promoted: 0 })
    const told = await notificationsOf(like(notifications.dedupeKey, `event_changed:${id}:%`))
    expect(told.map((n) => n.memberId).sort()).toEqual([await memberId(a.openid), await memberId(c.openid), await memberId(d.openid)].sort())
    expect(told[0].body).toContain('时间已变更')
    expect((await eventRow(app.db, id)).changedAt?.toISOString()).toBe(app.clock.now().toISOString())
    // Same place and time again: nobody is told; a capacity raise seats the waitlister.
    const raised = await app.ok('updateEvent', { eventId: draft.id, event: { ...base, capacity: 3, startsAt: '2025-06-21 15:00', endsAt: '2025-06-21 17:00' } }, manager)
    expect(raised).toMatchObject({ membersTold: 0, promoted: 1 })
    const dId = await memberId(d.openid)
    expect((await registrationsOf(app.db, id)).find((r) => r.memberId === dId)?.status).toBe('registered')
    expect(await notificationsOf(like(notifications.dedupeKey, `event_changed:${id}:%`))).toHaveLength(3)
  })
})

describe('publishing with a notice', () => {
  it('queues one row per active member in the transaction: WeChat pending with an unused consent, skipped without', async () => {
    const draft = await createDraft({ title: '会员开放日' })
    const withConsent = await memberId(DEMO_OPENIDS.member)
    const usedUp = await memberId('seed-member-1')
    await giveConsent(withConsent)
    await giveConsent(usedUp, 0)
    const audience = await activeMembers()
    app.clock.set(sh('2025-06-15T20:59:59'))
    const out = await app.ok('publishEvent', { eventId: draft.id, notify: true }, manager)
    expect(out).toMatchObject({ queued: audience, event: { status: 'published', publishedAt: app.clock.now().toISOString() } })
    const rows = await notificationsOf(like(notifications.dedupeKey, `event_published:${draft.id}:%`))
    expect(rows).toHaveLength(audience)
    const pending = rows.filter((r) => r.deliveryStatus === 'pending')
    expect(pending.map((r) => r.memberId)).toEqual([withConsent])
    expect(pending[0]).toMatchObject({ templateId: TEMPLATE_ID, wechatData: { thing1: { value: '会员开放日' }, time2: { value: '2025年6月21日 14:00' } } })
    expect(pending[0].nextAttemptAt.toISOString()).toBe(sh('2025-06-15T20:59:59').toISOString())
    expect(rows.find((r) => r.memberId === usedUp)).toMatchObject({ deliveryStatus: 'skipped', lastError: 'no unused consent', wechatData: null })
    expect(rows.every((r) => r.kind === 'event_published' && r.body.includes('会员开放日'))).toBe(true)
    expect((await eventRow(app.db, Number(draft.id))).noticeQueuedAt).not.toBeNull()
    expect(await app.call('publishEvent', { eventId: draft.id, notify: true }, manager)).toMatchObject({ ok: false, error: { code: 'EVENT_ALREADY_PUBLISHED' } })
    expect(await notificationsOf(like(notifications.dedupeKey, `event_published:${draft.id}:%`))).toHaveLength(audience)
  })

  it('holds the WeChat copy from 21:00:00 store time until 09:00 the next morning', async () => {
    const draft = await createDraft()
    app.clock.set(sh('2025-06-15T21:00:00'))
    await app.ok('publishEvent', { eventId: draft.id, notify: true }, manager)
    const [pending] = (await notificationsOf(like(notifications.dedupeKey, `event_published:${draft.id}:%`))).filter((r) => r.deliveryStatus === 'pending')
    expect(pending.nextAttemptAt.toISOString()).toBe(sh('2025-06-16T09:00:00').toISOString())
  })

  it('reaches only the minimum tier and above, and in-app only when the store has no template', async () => {
    const draft = await createDraft({ minTierCode: 'gold' })
    const [saved] = await app.db.select().from(notificationTemplates).where(eq(notificationTemplates.kind, 'event_published'))
    await app.db.delete(notificationTemplates).where(eq(notificationTemplates.id, saved.id))
    try {
      const out = await app.ok('publishEvent', { eventId: draft.id, notify: true }, manager)
      const gold = await activeMembers(['gold', 'diamond'])
      expect(gold).toBeGreaterThan(0)
      expect(out.queued).toBe(gold)
      const rows = await notificationsOf(like(notifications.dedupeKey, `event_published:${draft.id}:%`))
      expect(new Set(rows.map((r) => r.deliveryStatus))).toEqual(new Set(['none']))
    } finally {
      await app.db.transaction((tx) => upsertNotificationTemplate(tx, { storeId: store.id, kind: 'event_published', templateId: saved.templateId, fields: saved.fields, page: saved.page, now: new Date() }))
    }
  })

  it('queues nothing when the transaction rolls back', async () => {
    const event = await insertEvent(app.db, app.clock.now(), { notifyOnPublish: true })
    const audience = await activeMembers()
    await expect(
      app.db.transaction(async (tx) => {
        const ctx = await loadStoreContext(tx, app.config, app.clock.now())
        expect(await queuePublishNotice(ctx, event)).toBe(audience)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await notificationsOf(like(notifications.dedupeKey, `event_published:${event.id}:%`))).toHaveLength(0)
    expect((await eventRow(app.db, event.id)).noticeQueuedAt).toBeNull()
  })

  it('schedules: nothing goes out before the time; the job publishes and notifies exactly once, even run twice', async () => {
    const draft = await createDraft()
    expect(await app.call('publishEvent', { eventId: draft.id, notify: true, publishAt: '2025-06-15 09:00' }, manager)).toMatchObject({ ok: false, error: { code: 'EVENT_INVALID' } })
    const out = await app.ok('publishEvent', { eventId: draft.id, notify: true, publishAt: '2025-06-16 10:00' }, manager)
    expect(out).toMatchObject({ queued: 0, event: { status: 'scheduled', publishAt: sh('2025-06-16T10:00:00').toISOString(), publishedAt: null } })
    const mine = () => notificationsOf(like(notifications.dedupeKey, `event_published:${draft.id}:%`))
    app.clock.set(sh('2025-06-16T09:59:00'))
    await eventPublishingChunk(app.deps, jobInput())
    expect((await eventRow(app.db, Number(draft.id))).status).toBe('scheduled')
    expect(await mine()).toHaveLength(0)
    app.clock.set(sh('2025-06-16T10:01:00'))
    const first = await eventPublishingChunk(app.deps, jobInput())
    const second = await eventPublishingChunk(app.deps, jobInput())
    expect(first.counts).toMatchObject({ published: 1, notified: await activeMembers() })
    expect(second.counts).toEqual({ published: 0, notified: 0 })
    const row = await eventRow(app.db, Number(draft.id))
    expect(row).toMatchObject({ status: 'published' })
    expect(row.publishedAt?.toISOString()).toBe(sh('2025-06-16T10:00:00').toISOString())
    expect(await mine()).toHaveLength(await activeMembers())
  })

  it('lets a scheduled event be re-timed or brought forward to now (notified once: the job then finds nothing to do)', async () => {
    const draft = await createDraft()
    await app.ok('publishEvent', { eventId: draft.id, notify: true, publishAt: '2025-06-17 10:00' }, manager)
    const retimed = await app.ok('publishEvent', { eventId: draft.id, notify: true, publishAt: '2025-06-16 12:00' }, manager)
    expect(retimed.event).toMatchObject({ status: 'scheduled', publishAt: sh('2025-06-16T12:00:00').toISOString() })
    const now = await app.ok('publishEvent', { eventId: draft.id, notify: true }, manager)
    expect(now).toMatchObject({ queued: await activeMembers(), event: { status: 'published', publishedAt: app.clock.now().toISOString() } })
    app.clock.set(sh('2025-06-16T12:01:00'))
    expect((await eventPublishingChunk(app.deps, jobInput())).counts).toEqual({ published: 0, notified: 0 })
    expect(await notificationsOf(like(notifications.dedupeKey, `event_published:${draft.id}:%`))).toHaveLength(await activeMembers())
    expect(await app.call('publishEvent', { eventId: draft.id, notify: true }, manager)).toMatchObject({ ok: false, error: { code: 'EVENT_ALREADY_PUBLISHED' } })
  })
})

describe('the preview', () => {
  it('counts the audience and the reachable, shows the in-app copy and the WeChat fields with a cut title marked', async () => {
    const title = '一二三四五六七八九十一二三四五六七八九十一二三四五'
    const draft = await createDraft({ title, rewardPoints: 50 })
    app.clock.set(sh('2025-06-15T22:30:00'))
    const before = await app.counts()
    const preview = await app.ok('previewEventNotice', { eventId: draft.id }, manager)
    expect(await app.counts()).toEqual(before)
    const reachable = (await app.db.select({ n: count() }).from(subscriptionConsents).where(and(eq(subscriptionConsents.templateId, TEMPLATE_ID), sql`${subscriptionConsents.count} > 0`)))[0].n
    expect(preview).toMatchObject({ audience: await activeMembers(), wechatReachable: reachable, inApp: { title: '新活动', body: `「${title}」开放报名啦，签到即得 50 积分` } })
    expect(preview.wechat.templateTitle).toBe('新活动通知')
    expect(preview.wechat.fields[0]).toEqual({ key: 'thing1', label: '活动名称', value: `${title.slice(0, 19)}…`, truncated: true, full: title })
    expect(preview.wechat.problems).toEqual([])
    expect(preview.wechatSendsAt).toBe(sh('2025-06-16T09:00:00').toISOString())
  })
})

describe('cancelling', () => {
  it('cancels every live registration through the core, refunds the seat, tells each member, once', async () => {
    const draft = await createDraft({ capacity: 1, pointsCost: 10 })
    const id = Number(draft.id)
    await app.ok('publishEvent', { eventId: draft.id, notify: false }, manager)
    const seated = await signUpAs(id, DEMO_OPENIDS.member)
    const waiting = await signUpAs(id, 'seed-member-2')
    expect([seated.status, waiting.status]).toEqual(['registered', 'waitlisted'])
    const out = await app.ok('cancelEvent', { eventId: draft.id, reason: '场地维修' }, manager)
    expect(out).toMatchObject({ registrationsCancelled: 2, pointsRefunded: 10, event: { status: 'cancelled', cancelReason: '场地维修', registeredCount: 0, waitlistCount: 0 } })
    expect((await registrationsOf(app.db, id)).map((r) => r.status)).toEqual(['cancelled', 'cancelled'])
    const told = await notificationsOf(like(notifications.dedupeKey, 'event_cancelled:%'))
    expect(told.filter((n) => [`event_cancelled:${seated.id}`, `event_cancelled:${waiting.id}`].includes(n.dedupeKey))).toHaveLength(2)
    expect(await app.db.select().from(pointsLedger).where(eq(pointsLedger.requestId, `event-refund:${seated.id}`))).toHaveLength(1)
    expect(await app.call('cancelEvent', { eventId: draft.id, reason: '再次' }, manager)).toMatchObject({ ok: false, error: { code: 'EVENT_CANCELLED' } })
    expect(await app.db.select().from(auditLog).where(and(eq(auditLog.action, 'event.cancel'), sql`${auditLog.detail}->>'eventId' = ${draft.id}`))).toHaveLength(1)
    await expectBalancesMatchLedger(app.db)
  })
})

describe('the reminders job', () => {
  it('reminds each registered member once, within 2 hours of the start only, never the waitlisted or cancelled', async () => {
    app.clock.set(sh('2025-06-18T08:00:00'))
    const now = app.clock.now()
    const soon = await insertEvent(app.db, now, { startsAt: new Date(now.getTime() + 2 * 3600_000) })
    const later = await insertEvent(app.db, now, { startsAt: new Date(now.getTime() + 2 * 3600_000 + 60_000) })
    const ids = [await memberId(DEMO_OPENIDS.member), await memberId('seed-member-3'), await memberId('seed-member-4')]
    const registered = await insertRegistration(app.db, { eventId: soon.id, memberId: ids[0] })
    await insertRegistration(app.db, { eventId: soon.id, memberId: ids[1], status: 'waitlisted', waitlistSeq: 1 })
    await insertRegistration(app.db, { eventId: soon.id, memberId: ids[2], status: 'cancelled', cancelledAt: now, cancelReason: 'member' })
    await insertRegistration(app.db, { eventId: later.id, memberId: ids[0] })
    await app.db.insert(subscriptionConsents).values({ storeId: store.id, memberId: ids[0], templateId: 'DEMO-event-reminder-template', count: 1 })
    const first = await eventRemindersChunk(app.deps, jobInput())
    const second = await eventRemindersChunk(app.deps, jobInput())
    expect(second.counts.reminded).toBe(0)
    const rows = await notificationsOf(like(notifications.dedupeKey, 'event_reminder:%'))
    expect(rows.map((r) => r.dedupeKey)).toEqual([`event_reminder:${registered.id}`])
    expect(first.counts.reminded).toBe(1)
    expect(rows[0]).toMatchObject({ memberId: ids[0], kind: 'event_reminder', deliveryStatus: 'pending' })
    // 08:00 store time is inside the quiet hours: the WeChat copy waits for 09:00 (the in-app one is there now).
    expect(rows[0].nextAttemptAt.toISOString()).toBe(sh('2025-06-18T09:00:00').toISOString())
  })
})

describe('results and the roster', () => {
  it('counts by status, averages the ratings, masks members, sums attendees’ net spend within 30 days, and exports a safe CSV', async () => {
    app.clock.set(sh('2025-06-20T10:00:00'))
    const endsAt = sh('2025-06-19T16:00:00')
    const event = await insertEvent(app.db, app.clock.now(), { startsAt: sh('2025-06-19T14:00:00'), endsAt, capacity: 5, seatsTaken: 3, waitlistCount: 1, waitlistSeq: 1 })
    const [clerkRow] = await app.db.select({ id: staff.id }).from(staff).where(eq(staff.openid, clerk))
    const sneaky = await openNewCard(app, 'wx-ev-formula', '13911112222')
    await app.db.update(members).set({ nickname: '=HYPERLINK("x")' }).where(eq(members.openid, sneaky.openid))
    const [m1, m2, m3, m4] = [await memberId(DEMO_OPENIDS.member), await memberId(sneaky.openid), await memberId('seed-member-5'), await memberId('seed-member-6')]
    const checked = { checkedInAt: sh('2025-06-19T13:55:00'), checkedInByStaffId: clerkRow.id }
    const r1 = await insertRegistration(app.db, { eventId: event.id, memberId: m1, status: 'attended', ...checked })
    const r2 = await insertRegistration(app.db, { eventId: event.id, memberId: m2, status: 'attended', source: 'walk_in', ...checked })
    await insertRegistration(app.db, { eventId: event.id, memberId: m3, status: 'no_show', noShowAt: endsAt })
    await insertRegistration(app.db, { eventId: event.id, memberId: m4, status: 'waitlisted', waitlistSeq: 1 })
    await app.db.insert(eventFeedback).values([
      { registrationId: r1.id, eventId: event.id, memberId: m1, rating: 5, comment: '很棒' },
      { registrationId: r2.id, eventId: event.id, memberId: m2, rating: 4, comment: '咖啡好喝' },
    ])
    const buy = async (memberIdValue: number, amountFen: number, at: Date) =>
      (await app.db.insert(purchases).values({ storeId: store.id, memberId: memberIdValue, receiptNo: rid('EV'), amountFen, createdAt: at }).returning())[0]
    await buy(m1, 5_000, sh('2025-06-19T17:00:00'))
    await buy(m1, 9_999, sh('2025-06-19T12:00:00')) // before the end: not counted
    await buy(m3, 7_000, sh('2025-06-19T17:00:00')) // a no-show: not counted
    const refunded = await buy(m2, 3_000, sh('2025-06-20T09:00:00'))
    await app.db.insert(purchaseRefunds).values({ storeId: store.id, purchaseId: refunded.id, memberId: m2, staffId: clerkRow.id, reason: '退货', pointsReversed: 0, pointsShortfall: 0, growthReversed: 0, tierBefore: 'normal', tierAfter: 'normal' })
    await buy(m2, 2_000, sh('2025-06-25T09:00:00'))

    const { results } = await app.ok('getEventResults', { eventId: String(event.id) }, manager)
    expect(results).toMatchObject({ registered: 3, waitlisted: 1, attended: 2, noShows: 1, cancelled: 0, walkIns: 1, ratingCount: 2, averageRating: 4.5, spendAfterFen: 7_000, spendAfterMembers: 2, spendWindowClosed: false })
    expect(results.comments.map((c: { memberMasked: string }) => c.memberMasked)).toEqual(expect.arrayContaining(['小林 138****5678', '=HYPERLINK("x") 139****2222']))
    expect(JSON.stringify(results)).not.toContain('13812345678')

    const roster = await app.ok('exportEventRoster', { eventId: String(event.id) }, manager)
    expect(roster.filename).toBe(`活动名单-${event.id}-20250620.csv`)
    expect(roster.rows).toBe(4)
    const lines = roster.csv.split('\r\n')
    expect(lines[0]).toBe('\uFEFF会员号,昵称,手机号,状态,候补位置,报名时间,签到时间')
    expect(roster.csv).not.toContain('13812345678')
    expect(roster.csv).not.toContain('13911112222')
    expect(lines[1]).toMatch(/^\d{8},小林,138\*\*\*\*5678,已签到,,\d{4}-\d{2}-\d{2} \d{2}:\d{2},2025-06-19 13:55$/)
    expect(lines[2]).toContain(`,"'=HYPERLINK(""x"")",139****2222,已签到,`)
    expect(lines[4]).toMatch(/,候补,1,/)

    app.clock.set(sh('2025-07-19T16:00:00'))
    expect((await app.ok('getEventResults', { eventId: String(event.id) }, manager)).results.spendWindowClosed).toBe(true)
  })
})

describe('the demo events', () => {
  it('show every state: a past event with attendance, rewards and ratings, an open one, a full one with a waitlist, a 金卡-only one', async () => {
    const seeded = await app.db.select().from(events).where(like(events.createRequestId, 'seed:%')).orderBy(events.id)
    expect(seeded.map((e) => [e.title, e.status])).toEqual([
      ['夏日咖啡品鉴会', 'published'],
      ['拉花入门课', 'published'],
      ['咖啡读书会', 'published'],
      ['金卡会员品鉴之夜', 'published'],
    ])
    const [past, open, full, gold] = seeded
    expect(past.endsAt.getTime()).toBeLessThan(app.clock.now().getTime())
    expect((await registrationsOf(app.db, past.id)).map((r) => r.status)).toEqual([...Array(6).fill('attended'), 'no_show', 'no_show'])
    expect(await app.db.select().from(pointsLedger).where(like(pointsLedger.requestId, 'event-attend:%'))).toHaveLength(6)
    expect((await app.db.select({ n: count() }).from(eventFeedback).where(eq(eventFeedback.eventId, past.id)))[0].n).toBe(4)
    expect(open.seatsTaken).toBeLessThan(open.capacity)
    expect([full.seatsTaken, full.capacity, full.waitlistCount]).toEqual([6, 6, 3])
    expect(gold.minTierCode).toBe('gold')
    const kinds = (await app.db.select({ kind: notificationTemplates.kind }).from(notificationTemplates)).map((t) => t.kind)
    expect(kinds).toEqual(expect.arrayContaining(['event_published', 'event_reminder', 'event_waitlist', 'event_changed']))
    await expectBalancesMatchLedger(app.db)
  })
})
